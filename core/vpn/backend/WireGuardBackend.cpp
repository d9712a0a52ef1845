#include "vpn/backend/WireGuardBackend.h"

#include "crypto/SecureBytes.h"

namespace hm::vpn {

// Out of line: the vtable lives in this library.
WireGuardBackend::~WireGuardBackend() = default;

Result<bool> WireGuardBackend::patchPeers(const PeerPatch &)
{
    return false;
}

Status WireGuardBackend::forget(const QString &)
{
    return {};
}

Result<QString> WireGuardBackend::publicKey(const QString &name)
{
    auto dumped = dump(name);
    if (!dumped)
        return dumped.error();
    // The first line: private key, public key, listen port, fwmark.
    const qsizetype lineEnd = dumped.value().indexOf('\n');
    const QList<QByteArray> fields =
        dumped.value().left(lineEnd < 0 ? dumped.value().size() : lineEnd).split('\t');
    const QString key = fields.size() >= 2 ? QString::fromLatin1(fields.at(1)) : QString();
    crypto::wipe(dumped.value());
    if (key.isEmpty())
        return Error{ErrorCode::InternalError,
                     QStringLiteral("the status of %1 holds no public key").arg(name)};
    return key;
}

} // namespace hm::vpn
