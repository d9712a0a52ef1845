#pragma once

#include <QHash>
#include <QString>
#include <sqlite3.h>

namespace hm::store::detail {

// The sqlite3 handle plus its prepared-statement cache. Shared (not owned)
// by Database, Statement and Transaction so that a Statement outliving its
// Database can never touch a closed handle: the handle closes when the last
// of them goes away.
class Connection
{
public:
    Connection(sqlite3 *db, QString path);
    ~Connection();

    Connection(const Connection &) = delete;
    Connection &operator=(const Connection &) = delete;

    sqlite3 *handle() const { return m_db; }
    const QString &path() const { return m_path; }

    // A cached statement for `sql`, removed from the cache so no two live
    // Statement objects ever share one sqlite3_stmt; nullptr if none.
    sqlite3_stmt *takeCached(const QString &sql);
    // Resets `stmt` and keeps it for the next prepare() of `sql`, or
    // finalizes it when the cache already holds one or is full.
    void giveBack(const QString &sql, sqlite3_stmt *stmt);

private:
    // Enough for every distinct statement a repository or the write-behind
    // queue uses; beyond it statements are simply finalized.
    static constexpr qsizetype kMaxCached = 128;

    sqlite3 *m_db = nullptr;
    QString m_path;
    QHash<QString, sqlite3_stmt *> m_cache;
};

} // namespace hm::store::detail
