#pragma once

#include "client/ApiClient.h"
#include "client/ApiTypes.h"
#include "client/SystemApi.h"
#include "widgets/RemoteListModel.h"

namespace hm::app {

// A lazy remote table of typed rows (paging: RemoteListModel) listed newest
// first: a new filter starts over, a new client asks for its first page at
// once. Subclasses say how a page is asked for and how a row is shown. Row
// is a core/client type with an `id` (hm::client::AuditEntry, LogLine).
template <typename Row> class RemoteRowsModel : public RemoteList<Row>
{
public:
    using Base = RemoteList<Row>;
    using PageCallback = typename Base::PageCallback;

    const hm::Error &error() const { return this->lastError(); }
    qint64 totalOnServer() const { return this->totalCount(); }
    const Row &row(int index) const { return this->items().at(index); }

protected:
    RemoteRowsModel(int columns, QObject *parent)
        : Base(columns, {.reloadOnNewClient = true}, parent)
    {}

    virtual QVariant cell(const Row &row, int column, int role) const = 0;
    QString idOf(const Row &row) const override { return idText(row.id); }
    // Puts rows in front (a live tail); the caller keeps them in order.
    void prependRows(const QList<Row> &rows) { this->insertItems(0, rows); }
    // Keyset paging for lists newest first: a later page is asked for as
    // the first page of the rows after the last one held (the server's
    // before_id), so rows that arrive on top meanwhile move nothing (with
    // page numbers they would push rows already shown into the next page).
    // The id to ask with, empty for the first page or when nothing is held.
    QString keysetAnchor(int page) const
    {
        return page > 1 && this->rowCount() > 0 ? idOf(this->items().constLast()) : QString();
    }
    // Wraps `done` for such a request: the answer counts as page `page`
    // and its total (the rows after the anchor) adds the rows held.
    PageCallback asKeysetPage(int page, PageCallback done) const
    {
        return [page, held = qint64(this->rowCount()),
                done = std::move(done)](Result<hm::client::Page<Row>> r) {
            if (!r)
                return done(r.error());
            hm::client::Page<Row> answer = *std::move(r);
            answer.page = page;
            answer.total += held;
            answer.hasPrev = true;
            done(std::move(answer));
        };
    }

private:
    static QString idText(const QString &id) { return id; }
    static QString idText(qint64 id) { return QString::number(id); }
    QVariant cellData(const Row &row, int column, int role) const final
    {
        return cell(row, column, role);
    }
};

// GET /api/v1/audit: when, user, action (its translated name, the code in
// the tooltip), resource, IP, details; later pages are the entries after
// the last one shown (before_id).
class AuditListModel : public RemoteRowsModel<hm::client::AuditEntry>
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn,
        UserColumn,
        ActionColumn,
        ResourceColumn,
        IpColumn,
        DetailsColumn,
        ColumnCount
    };
    struct Filter
    {
        QString user; // user id or name, as the server filters by user_id
        // A known action code (the one entry), or text matched against the
        // codes (part of one, any case) and their translated names.
        QString action;
        QString category; // auth, users, … (AuditActions.h); "" = any
        QString resourceType;
        QString nodeId; // "" = any
        QDateTime from;
        QDateTime to;
        bool operator==(const Filter &) const = default;
    };

    explicit AuditListModel(QObject *parent = nullptr);
    void setFilter(const Filter &filter);
    const Filter &filter() const { return m_filter; }
    // The filter as the server takes it (no page): the list's and its
    // export's.
    hm::client::AuditFilter serverFilter() const;

    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    void requestPage(hm::client::ApiClient &client, int page, int size, PageCallback done) override;
    QVariant cell(const hm::client::AuditEntry &row, int column, int role) const override;

private:
    Filter m_filter;
};

// GET /api/v1/logs (newest first) with a live tail: poll() asks for the
// records after the newest one shown (after_id) and puts them on top; later
// pages are the records before the oldest one shown (before_id).
class LogListModel : public RemoteRowsModel<hm::client::LogLine>
{
    Q_OBJECT

public:
    enum Column
    {
        TimeColumn,
        LevelColumn,
        ModuleColumn,
        MessageColumn,
        ColumnCount
    };

    explicit LogListModel(QObject *parent = nullptr);
    void setFilter(const hm::client::LogFilter &filter);
    const hm::client::LogFilter &filter() const { return m_filter; }
    // The newest records since the last one shown; at most `limit` (the
    // newest) per poll so a flood cannot swamp the view.
    void poll(int limit = 100);
    qint64 newestId() const;

    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void tailed(int newRows);

protected:
    void requestPage(hm::client::ApiClient &client, int page, int size, PageCallback done) override;
    QVariant cell(const hm::client::LogLine &row, int column, int role) const override;

private:
    hm::client::LogFilter m_filter;
    bool m_polling = false;
};

} // namespace hm::app
