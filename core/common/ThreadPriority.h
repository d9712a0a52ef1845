#pragma once

#include <optional>

namespace hm {

// Lowers the calling thread's CPU priority, for a thread whose work absorbs
// a delay (a writer that batches, a checkpoint) next to one that answers
// people: when the cores are busy the scheduler serves the latter first.
// `steps` nice levels (1 … 19) below the process's main thread on Linux,
// where a thread has a nice value of its own (a second call with the same
// steps changes nothing); Windows: below normal (1 … 9) or lowest (10 …);
// elsewhere nothing. One way only: an unprivileged process cannot raise it
// back. False when nothing changed.
bool lowerCurrentThreadPriority(int steps);

// The calling thread's nice value where threads have their own (Linux);
// nullopt elsewhere.
std::optional<int> currentThreadNice();

} // namespace hm
