#pragma once

#include "engine/NodeExecutor.h"

namespace hm::engine::builtins {

// Waits config {"ms": N} (or input "ms") on a QTimer of the engine thread,
// then outputs its inputs. Cancellable; destroying the run stops the timer.
class DelayExecutor final : public NodeExecutor
{
public:
    std::unique_ptr<NodeRun> start(const NodeTask &task, NodeDone done) override;
    bool hasExternalEffects() const override { return false; } // runs inside the server only
};

} // namespace hm::engine::builtins
