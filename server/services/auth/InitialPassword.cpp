#include "server/services/auth/InitialPassword.h"

#include "common/Logging.h"
#include "server/api/AuthCommon.h"
#include "server/repositories/SettingsRepository.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonValue>

namespace hm::server::auth {
namespace {

// Not one of the settings GET /settings shows: only this file reads it.
const QString kUserKey = QStringLiteral("auth.initial_password_user");

} // namespace

QString initialPasswordFileIn(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral("initial-admin-password"));
}

Status rememberInitialPasswordUser(store::Database &db, const QString &userId)
{
    // A JSON array of one id, as every setting is JSON text.
    const QByteArray text = QJsonDocument(QJsonArray{userId}).toJson(QJsonDocument::Compact);
    return repositories::saveSettingText(db, kUserKey, QString::fromUtf8(text), nowMs(), {});
}

void retireInitialPassword(store::Database &db, const QString &file, const QString &userId)
{
    const auto stored = repositories::settingText(db, kUserKey);
    if (!stored) {
        qCWarning(lcServer).noquote()
            << "cannot read whose initial password is stored:" << stored.error().toString();
        return;
    }
    if (!stored.value())
        return;
    const QJsonDocument whose = QJsonDocument::fromJson(stored.value()->toUtf8());
    if (whose.array().at(0).toString() != userId)
        return;
    if (!file.isEmpty() && QFile::exists(file) && !QFile::remove(file)) {
        qCWarning(lcServer).noquote() << "the initial administrator password changed, but" << file
                                      << "could not be deleted: delete it by hand";
        return;
    }
    if (Status s = repositories::saveSettingText(db, kUserKey, QStringLiteral("[]"), nowMs(), {});
        !s)
        qCWarning(lcServer).noquote()
            << "cannot forget whose initial password was stored:" << s.error().toString();
    else if (!file.isEmpty())
        qCInfo(lcServer).noquote()
            << "the initial administrator password was changed;" << file << "is deleted";
}

} // namespace hm::server::auth
