#include "connection/ServerProfiles.h"

#include <QSettings>

namespace hm::app {

namespace {
const QString kGroup = QStringLiteral("serverProfiles");
const QString kActive = QStringLiteral("serverProfiles/active");
} // namespace

QList<ServerProfile> ServerProfiles::load()
{
    QSettings settings;
    QList<ServerProfile> profiles;
    const int count = settings.beginReadArray(kGroup);
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        ServerProfile profile;
        profile.name = settings.value(QStringLiteral("name")).toString();
        profile.url = QUrl(settings.value(QStringLiteral("url")).toString());
        profile.verifyTls = settings.value(QStringLiteral("verifyTls"), true).toBool();
        profile.fingerprint = settings.value(QStringLiteral("fingerprint")).toString();
        if (!profile.name.isEmpty() && profile.url.isValid())
            profiles.append(profile);
    }
    settings.endArray();
    return profiles;
}

void ServerProfiles::save(const QList<ServerProfile> &profiles)
{
    QSettings settings;
    settings.remove(kGroup + QStringLiteral("/size"));
    settings.beginWriteArray(kGroup, int(profiles.size()));
    for (int i = 0; i < profiles.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("name"), profiles[i].name);
        settings.setValue(QStringLiteral("url"), profiles[i].url.toString());
        settings.setValue(QStringLiteral("verifyTls"), profiles[i].verifyTls);
        settings.setValue(QStringLiteral("fingerprint"), profiles[i].fingerprint);
    }
    settings.endArray();
}

void ServerProfiles::put(const ServerProfile &profile)
{
    QList<ServerProfile> profiles = load();
    bool replaced = false;
    for (ServerProfile &existing : profiles) {
        if (existing.name == profile.name) {
            existing = profile;
            replaced = true;
        }
    }
    if (!replaced)
        profiles.append(profile);
    save(profiles);
}

void ServerProfiles::remove(const QString &name)
{
    QList<ServerProfile> profiles = load();
    profiles.removeIf([&name](const ServerProfile &p) { return p.name == name; });
    save(profiles);
    if (activeName() == name)
        setActiveName({});
}

std::optional<ServerProfile> ServerProfiles::find(const QString &name)
{
    for (const ServerProfile &p : load()) {
        if (p.name == name)
            return p;
    }
    return std::nullopt;
}

QString ServerProfiles::activeName()
{
    return QSettings().value(kActive).toString();
}

void ServerProfiles::setActiveName(const QString &name)
{
    QSettings().setValue(kActive, name);
}

} // namespace hm::app
