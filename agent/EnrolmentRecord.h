#pragma once

// `node.json` in the data directory: what enrolment returned. Its presence
// means "enrolled": the agent then connects instead of enrolling again.

#include "common/Result.h"

#include <QString>
#include <optional>

namespace hm::agent {

struct EnrolmentRecord
{
    QString nodeId;
    QString server;      // the URL the agent enrolled with
    QString fingerprint; // of the identity the server registered
    // The server's Ed25519 release public key (32 bytes) pinned at
    // enrolment: the only key whose builds this agent installs. Empty for
    // a server without releases, or an agent enrolled before them.
    QByteArray releaseKey;

    static QString filePath(const QString &dataDir);
    // Nothing when the agent is not enrolled; ValidationError for a file
    // that is not a record (it is left as it is).
    static Result<std::optional<EnrolmentRecord>> load(const QString &dataDir);
    // Atomically (QSaveFile), 0600.
    Status save(const QString &dataDir) const;
};

} // namespace hm::agent
