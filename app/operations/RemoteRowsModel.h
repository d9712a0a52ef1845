#pragma once

#include "client/ApiClient.h"
#include "client/ApiTypes.h"
#include "client/SystemApi.h"
#include "common/Error.h"

#include <QAbstractTableModel>
#include <QJsonObject>
#include <QPointer>

namespace hm::app {

// A lazy remote table of JSON rows: pages are fetched as the view scrolls
// (canFetchMore / fetchMore), a new filter or client starts over, and the
// answer of a superseded request is dropped (generation counter). Subclasses
// say how a page is asked for and how a row is shown.
class RemoteRowsModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class State
    {
        Idle,    // no client yet
        Loading, // the first page is on its way
        Ready,   // rows (maybe none) are shown
        Error,   // the first page failed: error()
    };
    Q_ENUM(State)

    enum Role
    {
        RowJsonRole = Qt::UserRole + 1, // the row's QJsonObject
        IdRole,
    };

    explicit RemoteRowsModel(QObject *parent = nullptr);

    void setClient(hm::client::ApiClient *client);
    hm::client::ApiClient *client() const { return m_client; }
    void setPageSize(int size) { m_pageSize = size; }
    int pageSize() const { return m_pageSize; }
    // Drops everything and loads the first page.
    void reload();

    State state() const { return m_state; }
    const hm::Error &error() const { return m_error; }
    qint64 totalOnServer() const { return m_total; }
    const QJsonObject &row(int index) const { return m_rows.at(index); }

    int rowCount(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

signals:
    void stateChanged(hm::app::RemoteRowsModel::State state);
    // A later page failed (the rows so far stay).
    void pageFailed(const hm::Error &error);

protected:
    using PageCallback = std::function<void(Result<hm::client::Page<QJsonObject>>)>;
    virtual void requestPage(hm::client::ApiClient &client, int page, int size,
                             PageCallback done) = 0;
    virtual QVariant cell(const QJsonObject &row, int column, int role) const = 0;
    virtual QString rowId(const QJsonObject &row) const;
    // Puts rows in front (a live tail); the caller keeps them in order.
    void prependRows(const QList<QJsonObject> &rows);
    void setState(State state);

private:
    void fetchPage(int page);

    QPointer<hm::client::ApiClient> m_client;
    QList<QJsonObject> m_rows;
    int m_pageSize = 50;
    int m_loadedPages = 0;
    bool m_hasNext = false;
    bool m_fetching = false;
    quint64 m_generation = 0;
    qint64 m_total = 0;
    State m_state = State::Idle;
    hm::Error m_error;
};

// GET /api/v1/audit: when, user, action, resource, IP, details.
class AuditListModel : public RemoteRowsModel
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
        QString action;
        QString resourceType;
        QDateTime from;
        QDateTime to;
        bool operator==(const Filter &) const = default;
    };

    explicit AuditListModel(QObject *parent = nullptr);
    void setFilter(const Filter &filter);
    const Filter &filter() const { return m_filter; }

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

protected:
    void requestPage(hm::client::ApiClient &client, int page, int size, PageCallback done) override;
    QVariant cell(const QJsonObject &row, int column, int role) const override;

private:
    Filter m_filter;
};

// GET /api/v1/logs (newest first) with a live tail: poll() asks for the
// records after the newest one shown (after_id) and puts them on top.
class LogListModel : public RemoteRowsModel
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

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

signals:
    void tailed(int newRows);

protected:
    void requestPage(hm::client::ApiClient &client, int page, int size, PageCallback done) override;
    QVariant cell(const QJsonObject &row, int column, int role) const override;

private:
    hm::client::LogFilter m_filter;
    bool m_polling = false;
};

} // namespace hm::app
