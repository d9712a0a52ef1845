#include "server/services/remote/AgentReleases.h"

#include "crypto/Random.h"
#include "fleet/AgentProtocol.h"
#include "server/api/AuthCommon.h"
#include "server/services/auth/AuditLog.h"
#include "server/services/remote/ReleaseSigner.h"
#include "common/Logging.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSaveFile>
#include <QThread>
#include <QTimer>
#include <memory>

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

AgentReleases::~AgentReleases()
{
    for (QThread *writer : std::as_const(m_workers)) {
        writer->wait();
        delete writer;
    }
}

void AgentReleases::upload(const auth::Principal &caller, const auth::ClientInfo &client,
                           const QString &version, QString os, QString arch, int protocol,
                           QByteArray binary,
                           QObject *context,
                           std::function<void(Result<repositories::AgentReleaseRow>)> done)
{
    const auto refuse = [&](Error error) {
        QTimer::singleShot(0, context, [done, error] { done(error); });
    };
    if (!hm::fleet::isReleaseVersion(version))
        return refuse(releaseFieldError(QStringLiteral("version"),
                                        QStringLiteral("dotted numbers such as 1.4.0")));
    if (os.isEmpty())
        os = hm::fleet::currentReleaseOs();
    if (arch.isEmpty())
        arch = hm::fleet::currentReleaseArch();
    static const QRegularExpression word(QStringLiteral("^[a-z0-9_]{1,16}$"));
    if (!word.match(os).hasMatch())
        return refuse(releaseFieldError(QStringLiteral("os"), QStringLiteral("such as linux")));
    if (!word.match(arch).hasMatch())
        return refuse(
            releaseFieldError(QStringLiteral("arch"), QStringLiteral("such as amd64 or arm64")));
    if (binary.isEmpty() || binary.size() > hm::fleet::kMaxAgentReleaseBytes)
        return refuse(releaseFieldError(
            QStringLiteral("binary"),
            QStringLiteral("the agent binary as the body, 1 byte to %1 MiB")
                .arg(hm::fleet::kMaxAgentReleaseBytes / (1024 * 1024))));

    repositories::AgentReleaseRow row;
    hm::fleet::ReleaseManifest &m = row.manifest;
    m.version = version;
    m.protocol = protocol > 0 ? protocol : hm::fleet::kAgentProtocolVersion;
    m.os = os;
    m.arch = arch;
    row.uploadedBy = caller.userId;
    store(caller, client, std::move(row), std::move(binary), context, std::move(done));
}

void AgentReleases::onWorker(std::function<void()> work, QObject *context,
                             std::function<void()> then)
{
    QThread *worker = QThread::create(std::move(work));
    m_workers.append(worker);
    QObject::connect(worker, &QThread::finished, context,
                     [this, worker, then = std::move(then)] {
                         m_workers.removeOne(worker);
                         worker->deleteLater();
                         then();
                     });
    worker->start();
}

void AgentReleases::store(const auth::Principal &caller, const auth::ClientInfo &client,
                          repositories::AgentReleaseRow row, QByteArray binary, QObject *context,
                          std::function<void(Result<repositories::AgentReleaseRow>)> done)
{
    if (m_roomCheck) {
        if (Status room = m_roomCheck(binary.size()); !room) {
            // Answered after the caller returned, like the worker's answer.
            QMetaObject::invokeMethod(
                context, [done, error = room.error()] { done(error); }, Qt::QueuedConnection);
            return;
        }
    }
    hm::fleet::ReleaseManifest &m = row.manifest;
    m.id = crypto::uuid();
    m.size = binary.size();
    row.createdAt = auth::nowMs();

    // Hashing and writing up to 128 MiB: a worker's job. It touches only
    // its own copies; the row is stored back on this thread.
    struct Written
    {
        QByteArray sha256;
        Status stored;
    };
    auto written = std::make_shared<Written>();
    const QString path = binaryPath(m.id);
    onWorker(
        [written, path, binary = std::move(binary)] {
            written->sha256 = QCryptographicHash::hash(binary, QCryptographicHash::Sha256);
            if (!QDir().mkpath(QFileInfo(path).path())) {
                written->stored =
                    Error{ErrorCode::IoError, QStringLiteral("cannot create %1").arg(path)};
                return;
            }
            QSaveFile file(path);
            if (!file.open(QIODevice::WriteOnly)) {
                written->stored = Error{ErrorCode::IoError, QStringLiteral("cannot write %1: %2")
                                                                .arg(path, file.errorString())};
                return;
            }
            file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner);
            if (file.write(binary) != binary.size() || !file.commit())
                written->stored = Error{ErrorCode::IoError, QStringLiteral("cannot write %1: %2")
                                                                .arg(path, file.errorString())};
        },
        context,
        [this, written, caller, client, row, path, done]() mutable {
            if (!written->stored)
                return done(written->stored.error());
            row.manifest.sha256 = written->sha256;
            auto stored = record(caller, client, std::move(row));
            if (!stored)
                QFile::remove(path);
            done(std::move(stored));
        });
}

void AgentReleases::registerBuiltIn(const QString &path, const QString &version,
                                    QObject *context,
                                    std::function<void(Result<repositories::AgentReleaseRow>)> done)
{
    const auto skip = [done](Error why) {
        qCInfo(lcServer).noquote() << QStringLiteral("agent releases: built-in agent not "
                                                     "registered: %1")
                                          .arg(why.message);
        if (done)
            done(std::move(why));
    };
    if (!hm::fleet::isReleaseVersion(version))
        return skip(Error{ErrorCode::ValidationError,
                          QStringLiteral("version \"%1\" is not a release version").arg(version)});
    struct Read
    {
        QByteArray bytes;
        QByteArray sha256;
        QString problem;
    };
    auto read = std::make_shared<Read>();
    onWorker(
        [read, path] {
            QFile file(path);
            if (!file.exists()) {
                read->problem = QStringLiteral("no agent binary at %1").arg(path);
                return;
            }
            if (file.size() <= 0 || file.size() > hm::fleet::kMaxAgentReleaseBytes) {
                read->problem = QStringLiteral("%1 is empty or larger than %2 MiB")
                                    .arg(path)
                                    .arg(hm::fleet::kMaxAgentReleaseBytes / (1024 * 1024));
                return;
            }
            if (!file.open(QIODevice::ReadOnly)) {
                read->problem =
                    QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
                return;
            }
            read->bytes = file.readAll();
            read->sha256 = QCryptographicHash::hash(read->bytes, QCryptographicHash::Sha256);
        },
        context,
        [this, read, path, version, context, skip, done] {
            if (!read->problem.isEmpty())
                return skip(Error{ErrorCode::ResourceNotFound, read->problem,
                                  QJsonObject{{QStringLiteral("code"),
                                               QStringLiteral("NO_AGENT_BINARY")}}});
            auto rows = list();
            if (!rows)
                return skip(rows.error());
            const QString os = hm::fleet::currentReleaseOs();
            const QString arch = hm::fleet::currentReleaseArch();
            for (const repositories::AgentReleaseRow &row : rows.value()) {
                if (row.manifest.os != os || row.manifest.arch != arch)
                    continue;
                if (row.manifest.sha256 == read->sha256) {
                    qCInfo(lcServer).noquote()
                        << QStringLiteral("agent releases: built-in agent %1 is stored already")
                               .arg(row.manifest.version);
                    if (done)
                        done(row);
                    return;
                }
                if (row.manifest.version == version)
                    return skip(Error{
                        ErrorCode::ResourceAlreadyExists,
                        QStringLiteral("another build of version %1 is stored already").arg(version),
                        QJsonObject{{QStringLiteral("code"), QStringLiteral("VERSION_TAKEN")}}});
            }
            repositories::AgentReleaseRow row;
            row.manifest.version = version;
            row.manifest.protocol = hm::fleet::kAgentProtocolVersion;
            row.manifest.os = os;
            row.manifest.arch = arch;
            row.builtIn = true;
            store(auth::Principal{}, auth::ClientInfo{}, std::move(row), std::move(read->bytes),
                  context, [path, skip, done](Result<repositories::AgentReleaseRow> stored) {
                      if (!stored)
                          return skip(stored.error());
                      qCInfo(lcServer).noquote()
                          << QStringLiteral("agent releases: built-in agent %1 registered from %2")
                                 .arg(stored->manifest.version, path);
                      if (done)
                          done(std::move(stored));
                  });
        });
}

Result<repositories::AgentReleaseRow> AgentReleases::record(const auth::Principal &caller,
                                                            const auth::ClientInfo &client,
                                                            repositories::AgentReleaseRow row)
{
    hm::fleet::ReleaseManifest &m = row.manifest;
    m.signature = m_signer.sign(m.signedMessage());
    if (Status stored = repositories::insertAgentRelease(m_db, row); !stored)
        return stored.error();
    auth::audit(m_db,
                row.builtIn ? QStringLiteral("AGENT_RELEASE_REGISTERED")
                            : QStringLiteral("AGENT_RELEASE_UPLOADED"),
                caller.userId,
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

void AgentReleases::readChunk(const QString &id, qint64 offset, qint64 length,
                              QObject *context, std::function<void(Result<QByteArray>)> done)
{
    auto bytes = std::make_shared<Result<QByteArray>>(QByteArray());
    onWorker(
        [bytes, path = binaryPath(id), offset, length] {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly) || !file.seek(offset))
                *bytes = Error{ErrorCode::IoError, QStringLiteral("cannot read the stored build: %1")
                                                       .arg(file.errorString())};
            else
                *bytes = file.read(length);
        },
        context, [bytes, done] { done(std::move(*bytes)); });
}

void AgentReleases::readAll(const QString &id, QObject *context,
                            std::function<void(Result<QByteArray>)> done)
{
    auto row = get(id);
    if (!row) {
        QTimer::singleShot(0, context, [done, error = row.error()] { done(error); });
        return;
    }
    auto bytes = std::make_shared<Result<QByteArray>>(QByteArray());
    onWorker(
        [bytes, path = binaryPath(row.value().manifest.id)] {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                *bytes = Error{ErrorCode::IoError, QStringLiteral("cannot read the stored build: %1")
                                                       .arg(file.errorString())};
            else
                *bytes = file.readAll();
        },
        context, [bytes, done] { done(std::move(*bytes)); });
}

QJsonObject AgentReleases::json(const repositories::AgentReleaseRow &row)
{
    QJsonObject out = row.manifest.toJson();
    out.insert(QStringLiteral("uploaded_by"), row.uploadedBy); // empty: built in
    out.insert(QStringLiteral("built_in"), row.builtIn);
    out.insert(QStringLiteral("created_at"),
               QDateTime::fromMSecsSinceEpoch(row.createdAt, Qt::UTC).toString(Qt::ISODateWithMs));
    return out;
}

} // namespace hm::server::remote
