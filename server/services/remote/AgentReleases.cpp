#include "server/services/remote/AgentReleases.h"

#include "crypto/Random.h"
#include "fleet/AgentProtocol.h"
#include "server/api/AuthCommon.h"
#include "server/services/auth/AuditLog.h"
#include "server/services/remote/ReleaseSigner.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>

namespace hm::server::remote {

namespace {

Error releaseFieldError(const QString &field, const QString &message)
{
    return Error{ErrorCode::ValidationError, QStringLiteral("%1: %2").arg(field, message),
                 QJsonObject{{QStringLiteral("field"), field}}};
}

} // namespace

QString AgentReleases::binaryPath(const QString &id) const
{
    return QDir(m_dir).filePath(QStringLiteral("agent-releases/%1.bin").arg(id));
}

QByteArray AgentReleases::publicKey() const
{
    return m_signer.publicKey();
}

Result<repositories::AgentReleaseRow>
AgentReleases::upload(const auth::Principal &caller, const auth::ClientInfo &client,
                      const QString &version, QString os, QString arch, const QByteArray &binary)
{
    if (!hm::fleet::isReleaseVersion(version))
        return releaseFieldError(QStringLiteral("version"),
                                 QStringLiteral("dotted numbers such as 1.4.0"));
    if (os.isEmpty())
        os = hm::fleet::currentReleaseOs();
    if (arch.isEmpty())
        arch = hm::fleet::currentReleaseArch();
    static const QRegularExpression word(QStringLiteral("^[a-z0-9_]{1,16}$"));
    if (!word.match(os).hasMatch())
        return releaseFieldError(QStringLiteral("os"), QStringLiteral("such as linux"));
    if (!word.match(arch).hasMatch())
        return releaseFieldError(QStringLiteral("arch"), QStringLiteral("such as amd64 or arm64"));
    if (binary.isEmpty() || binary.size() > hm::fleet::kMaxAgentReleaseBytes)
        return releaseFieldError(QStringLiteral("binary"),
                                 QStringLiteral("the agent binary as the body, 1 byte to %1 MiB")
                                     .arg(hm::fleet::kMaxAgentReleaseBytes / (1024 * 1024)));

    repositories::AgentReleaseRow row;
    hm::fleet::ReleaseManifest &m = row.manifest;
    m.id = crypto::uuid();
    m.version = version;
    m.protocol = hm::fleet::kAgentProtocolVersion;
    m.os = os;
    m.arch = arch;
    m.size = binary.size();
    m.sha256 = QCryptographicHash::hash(binary, QCryptographicHash::Sha256);
    m.signature = m_signer.sign(m.signedMessage());
    row.uploadedBy = caller.userId;
    row.createdAt = auth::nowMs();

    const QString path = binaryPath(m.id);
    if (!QDir().mkpath(QFileInfo(path).path()))
        return Error{ErrorCode::IoError, QStringLiteral("cannot create %1").arg(path)};
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return Error{ErrorCode::IoError,
                     QStringLiteral("cannot write %1: %2").arg(path, file.errorString())};
    file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    if (file.write(binary) != binary.size() || !file.commit())
        return Error{ErrorCode::IoError,
                     QStringLiteral("cannot write %1: %2").arg(path, file.errorString())};
    if (Status stored = repositories::insertAgentRelease(m_db, row); !stored) {
        QFile::remove(path);
        return stored.error();
    }
    auth::audit(m_db, QStringLiteral("AGENT_RELEASE_UPLOADED"), caller.userId,
                QStringLiteral("agent_release"), m.id, client.ip, client.userAgent,
                {{QStringLiteral("version"), m.version},
                 {QStringLiteral("os"), m.os},
                 {QStringLiteral("arch"), m.arch},
                 {QStringLiteral("size"), m.size},
                 {QStringLiteral("sha256"), QString::fromLatin1(m.sha256.toHex())}});
    return row;
}

Result<QList<repositories::AgentReleaseRow>> AgentReleases::list()
{
    return repositories::listAgentReleases(m_db);
}

Result<repositories::AgentReleaseRow> AgentReleases::latest(QString os, QString arch)
{
    if (os.isEmpty())
        os = hm::fleet::currentReleaseOs();
    if (arch.isEmpty())
        arch = hm::fleet::currentReleaseArch();
    auto rows = list();
    if (!rows)
        return rows.error();
    for (const repositories::AgentReleaseRow &row : rows.value())
        if (row.manifest.os == os && row.manifest.arch == arch)
            return row;
    return Error{ErrorCode::ResourceNotFound,
                 QStringLiteral("no agent release for %1/%2 yet").arg(os, arch)};
}

Result<repositories::AgentReleaseRow> AgentReleases::get(const QString &id)
{
    auto row = repositories::agentRelease(m_db, id);
    if (!row)
        return row.error();
    if (!row.value())
        return Error{ErrorCode::ResourceNotFound, QStringLiteral("no such agent release")};
    return *row.value();
}

Result<QByteArray> AgentReleases::read(const QString &id, qint64 offset, qint64 length) const
{
    QFile file(binaryPath(id));
    if (!file.open(QIODevice::ReadOnly) || !file.seek(offset))
        return Error{ErrorCode::IoError,
                     QStringLiteral("cannot read the stored build: %1").arg(file.errorString())};
    return file.read(length);
}

QJsonObject AgentReleases::json(const repositories::AgentReleaseRow &row)
{
    QJsonObject out = row.manifest.toJson();
    out.insert(QStringLiteral("uploaded_by"), row.uploadedBy);
    out.insert(QStringLiteral("created_at"),
               QDateTime::fromMSecsSinceEpoch(row.createdAt, Qt::UTC).toString(Qt::ISODateWithMs));
    return out;
}

} // namespace hm::server::remote
