#include "widgets/SectionPage.h"

namespace hm::app {

bool Session::sameSignIn(const Session &other) const
{
    return client == other.client && signedIn == other.signedIn && user.id == other.user.id &&
           user.username == other.user.username && user.role == other.user.role;
}

bool Session::operator==(const Session &other) const
{
    // What a page may act on: the client, the state and who, with which role.
    return connected == other.connected && sameSignIn(other) &&
           serverFeaturesKnown == other.serverFeaturesKnown &&
           serverFeatures == other.serverFeatures && serverVersion == other.serverVersion;
}

int roleRank(const QString &role)
{
    if (role == QLatin1String("admin"))
        return 3;
    if (role == QLatin1String("user"))
        return 2;
    if (role == QLatin1String("viewer"))
        return 1;
    return 0;
}

} // namespace hm::app
