#include "vpn/bird/BirdConfigApplier.h"

#include "vpn/bird/BirdLogging.h"

#include <QFile>
#include <cerrno>
#include <cstdio>
#include <cstring>

namespace hm::bird {

namespace {

Status birdApplierWrite(const QString &path, const QByteArray &bytes,
                        QFileDevice::Permissions permissions)
{
    // A fresh file created with its permissions: it is never readable by
    // others, not even between open and chmod.
    QFile::remove(path);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::NewOnly, permissions) ||
        !f.setPermissions(permissions) || f.write(bytes) != bytes.size() || !f.flush())
        return Error{ErrorCode::IoError,
                     QStringLiteral("cannot write %1: %2").arg(path, f.errorString())};
    f.close();
    return {};
}

// rename(2): replaces the target atomically.
Status birdApplierRename(const QString &from, const QString &to)
{
    if (std::rename(QFile::encodeName(from).constData(), QFile::encodeName(to).constData()) != 0)
        return Error{ErrorCode::IoError,
                     QStringLiteral("cannot rename %1 to %2: %3")
                         .arg(from, to, QString::fromLocal8Bit(std::strerror(errno)))};
    return {};
}

// Copies `from` to `to` through a temporary beside `to` and a rename.
Status birdApplierCopy(const QString &from, const QString &to, QFileDevice::Permissions permissions)
{
    QFile in(from);
    if (!in.open(QIODevice::ReadOnly))
        return Error{ErrorCode::IoError,
                     QStringLiteral("cannot read %1: %2").arg(from, in.errorString())};
    const QString tmp = to + QStringLiteral(".tmp");
    if (auto st = birdApplierWrite(tmp, in.readAll(), permissions); !st)
        return st;
    return birdApplierRename(tmp, to);
}

} // namespace

BirdConfigApplier::BirdConfigApplier(BirdControl &control, QString liveConfigPath,
                                     QFileDevice::Permissions permissions)
    : m_control(control), m_livePath(std::move(liveConfigPath)), m_permissions(permissions)
{}

Result<BirdApplyOutcome> BirdConfigApplier::apply(const QString &configText,
                                                  const BirdApplyOptions &options)
{
    const QString candidate = candidatePath();
    if (auto st = birdApplierWrite(candidate, configText.toUtf8(), m_permissions); !st)
        return st.error();
    auto checked = m_control.configureCheck(candidate);
    if (!checked) {
        QFile::remove(candidate);
        qCWarning(lcBird) << "new configuration refused by configure check:"
                          << checked.error().message;
        return checked.error();
    }
    const bool hadLive = QFile::exists(m_livePath);
    if (hadLive) {
        if (auto st = birdApplierCopy(m_livePath, lastGoodPath(), m_permissions); !st) {
            QFile::remove(candidate);
            return st.error();
        }
    }
    if (auto st = birdApplierRename(candidate, m_livePath); !st) {
        QFile::remove(candidate);
        return st.error();
    }
    auto configured = m_control.configure(m_livePath, options.confirmTimeoutSeconds);
    if (!configured) {
        if (!configured.error().details.contains(QStringLiteral("birdCode"))) {
            // No answer (timeout, connection lost): BIRD may or may not have
            // read the new file. It passed configure check, so it stays the
            // live one: a restarted BIRD starts with what was asked for.
            qCWarning(lcBird) << "no answer from BIRD to configure:" << configured.error().message;
            return configured.error();
        }
        // BIRD refused and keeps running what it had: the live file goes back to match it.
        if (hadLive) {
            if (auto st = birdApplierCopy(lastGoodPath(), m_livePath, m_permissions); !st)
                qCCritical(lcBird)
                    << "cannot restore the last good BIRD configuration:" << st.error().message;
        } else {
            QFile::remove(m_livePath);
        }
        qCWarning(lcBird) << "BIRD refused the new configuration:" << configured.error().message;
        return configured.error();
    }
    qCInfo(lcBird) << "BIRD reconfigured from" << m_livePath << "code" << configured->code();
    BirdApplyOutcome outcome;
    outcome.code = configured->code();
    outcome.confirmPending = options.confirmTimeoutSeconds.has_value();
    return outcome;
}

Status BirdConfigApplier::confirm()
{
    auto r = m_control.configureConfirm();
    if (!r)
        return r.error();
    return {};
}

Status BirdConfigApplier::undo()
{
    auto r = m_control.configureUndo();
    if (!r)
        return r.error();
    if (QFile::exists(lastGoodPath())) {
        if (auto st = birdApplierCopy(lastGoodPath(), m_livePath, m_permissions); !st)
            return st;
    }
    return {};
}

} // namespace hm::bird
