#pragma once

#include "common/Result.h"
#include "vpn/bird/BirdControl.h"

#include <QFileDevice>
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
//  1. writes the new text to "<live>.new" beside the live file, with the
//     given permissions (default 0640: it holds BGP passwords; BIRD, which
//     Debian runs as user bird, reads it through the group: give the
//     directory BIRD's group, e.g. setgid);
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
    static constexpr QFileDevice::Permissions DefaultPermissions =
        QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup;

    BirdConfigApplier(BirdControl &control, QString liveConfigPath,
                      QFileDevice::Permissions permissions = DefaultPermissions);

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
    QFileDevice::Permissions m_permissions;
};

} // namespace hm::bird
