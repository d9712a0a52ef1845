#pragma once

// The `processes` capability's actions (issue 38 item 4):
//   list  {}                 → {processes: [...], total, truncated}
//   kill  {pid, signal}      → {pid, signal}
// over a ProcessTable (LinuxProcessTable on Linux). The list is cut to fit
// one response frame (fleet::kMaxAgentResponseBytes): the busiest
// processes first, command lines at 1,024 characters, `truncated` set
// when anything was left out. The table refuses pid 1 and the agent itself.

namespace hm::agent {

class ProcessTable;
class RemoteDispatcher;

void addProcessHandlers(RemoteDispatcher &dispatcher, ProcessTable &table);

} // namespace hm::agent
