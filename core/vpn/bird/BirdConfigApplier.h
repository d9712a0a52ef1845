#pragma once

#include "common/Result.h"
#include "vpn/bird/BirdControl.h"

#include <QString>
#include <optional>

namespace hm::bird {

struct BirdApplyOptions
{
    // Commit-confirm: `configure "…" timeout N`; BIRD undoes the change by
    // itself unless confirm() follows within N seconds.
    std::optional<int> confirmTimeoutSeconds;
};

struct BirdApplyOutcome
{
    int code = 0; // BIRD's reply code to configure (3, 4 or 5)
    bool confirmPending = false;
};

// Replaces BIRD's configuration safely (synchronous, like BirdControl):
//  1. writes the new text to "<live>.new" beside the live file (mode 0600:
//     it holds BGP passwords);
//  2. `configure check "<live>.new"` must answer 0020;
//  3. copies the live file to "<live>.last-good" and renames the new file
//     over the live one (rename(2), atomic);
//  4. `configure "<live>"` [timeout N]; if BIRD refuses (8xxx/9xxx), the
//     last-good file is put back and the error is reported in words (a
//     ValidationError with BIRD's text and details.birdCode). Without an
//     answer (timeout, lost connection) the checked new file stays live.
// Decisions are made on reply codes, never on reply text.
class BirdConfigApplier
{
public:
    BirdConfigApplier(BirdControl &control, QString liveConfigPath);

    QString livePath() const { return m_livePath; }
    QString lastGoodPath() const { return m_livePath + QStringLiteral(".last-good"); }
    QString candidatePath() const { return m_livePath + QStringLiteral(".new"); }

    Result<BirdApplyOutcome> apply(const QString &configText, const BirdApplyOptions &options = {});
    Status confirm();
    // Asks BIRD to go back to the previous configuration and puts the
    // last-good file back as the live one.
    Status undo();

private:
    BirdControl &m_control;
    QString m_livePath;
};

} // namespace hm::bird
