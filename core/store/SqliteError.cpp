#include "store/SqliteError_p.h"
#include "store/Constraints.h"

#include <QJsonObject>

namespace hm::store::detail {

ErrorCode errorCodeFor(int rc)
{
    switch (rc & 0xff) {
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
        return ErrorCode::DbCorrupt;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return ErrorCode::DbBusy;
    default:
        return ErrorCode::DbError;
    }
}

Error sqliteError(sqlite3 *db, int rc, const QString &what)
{
    // sqlite3_errmsg describes the most recent call on the handle; fall back
    // to the generic text of the code when there is no handle.
    const char *text = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    QJsonObject details{{QStringLiteral("sqlite_code"), rc}};
    return Error{errorCodeFor(rc), what + QStringLiteral(": ") + QString::fromUtf8(text),
                 std::move(details)};
}

bool isUniqueViolation(const Error &error)
{
    const int rc = error.details.value(QStringLiteral("sqlite_code")).toInt();
    return rc == SQLITE_CONSTRAINT_UNIQUE || rc == SQLITE_CONSTRAINT_PRIMARYKEY;
}

} // namespace hm::store::detail

namespace hm::store {

bool isUniqueViolation(const Error &error)
{
    return detail::isUniqueViolation(error);
}

} // namespace hm::store
