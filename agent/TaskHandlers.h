#pragma once

// The `tasks` capability's actions (issue 38 item 8), over a TaskRunner:
//   run    {task_id, argv:[…] | script + shell:true, env, working_dir,
//           timeout_ms}   → when the process has ended: {task_id, exit_code,
//           signal, stdout, stderr, stdout_truncated, stderr_truncated,
//           duration_ms, timed_out, cancelled}
//   cancel {task_id}      → {task_id, cancelling: true}; the run then
//           answers with cancelled: true
// A script without shell:true is refused (VALIDATION_ERROR, details.code
// SHELL_NOT_REQUESTED): commands start from argument lists.

namespace hm::agent {

class RemoteDispatcher;
class TaskRunner;

void addTaskHandlers(RemoteDispatcher &dispatcher, TaskRunner &runner);

} // namespace hm::agent
