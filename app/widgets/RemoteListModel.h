#pragma once

#include "client/ApiTypes.h"
#include "common/Error.h"
#include "common/Result.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <functional>

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// The lazy remote list of the console's sections (console.md "Lists"), once
// for every list model: rows come a page at a time as the view asks
// (canFetchMore / fetchMore); reload() drops them and asks for page 1 (a new
// search or filter); the answer of a request a reload or reset superseded
// is dropped (generation counter); a failed first page is the Failed state
// (lastError()), a failed later page keeps the rows and says fetchFailed.
// The rows themselves live in RemoteList<T> below.
class RemoteListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum class State
    {
        Idle,           // nothing asked (no client, or reset())
        Loading,        // the first page is on its way
        Ready,          // rows (maybe none) are shown
        Failed,         // the first page failed: lastError()
        Error = Failed, // as the operations lists name it
    };
    Q_ENUM(State)
    static constexpr int kDefaultPageSize = 50;

    // The client to ask (another server, a new session): drops the rows and
    // asks nothing until reload() (or, for a lazy first page, the view;
    // with reloadOnNewClient, the first page at once).
    void setClient(client::ApiClient *client);
    client::ApiClient *client() const;
    // Rows a page asks for, from 1 to 100.
    void setPageSize(int size);
    int pageSize() const { return m_pageSize; }
    // Drops the rows (unless they stay while reloading) and asks for the
    // first page; nothing without a client.
    void reload();
    // Drops the rows and asks nothing (Idle).
    void reset();

    State state() const { return m_state; }
    const hm::Error &lastError() const { return m_error; }
    // Rows the server has (as it last said, corrected by the rows added and
    // removed since).
    qint64 totalCount() const { return m_total; }
    bool isFetching() const { return m_fetching; }

    int columnCount(const QModelIndex &parent = {}) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

signals:
    void stateChanged(hm::app::RemoteListModel::State state);
    // A later page failed (the rows loaded so far stay).
    void fetchFailed(const hm::Error &error);

protected:
    // How a list is asked for.
    struct Options
    {
        // One answer holds every row (not paged): it replaces the rows.
        bool wholeList = false;
        // With a client and nothing asked yet, the view's first fetchMore()
        // asks for the first page.
        bool lazyFirstPage = false;
        // reload() keeps the rows shown until the answer replaces them.
        bool keepRowsWhileReloading = false;
        // setClient() with a client asks for the first page.
        bool reloadOnNewClient = false;
    };

    RemoteListModel(int columns, Options options, QObject *parent);

    void setState(State state);
    void adjustTotal(qint64 delta) { m_total = std::max<qint64>(0, m_total + delta); }
    const Options &options() const { return m_options; }

    // For RemoteList<T>: asks `client` for page `page` of `size` rows.
    virtual void fetchPage(client::ApiClient &client, int page, int size, quint64 generation) = 0;
    virtual void clearRows() = 0;
    bool isCurrent(quint64 generation) const { return generation == m_generation; }
    // The answer for the current generation came, its rows are in (until
    // then the fetch counts as in flight: a view that asks for more as soon
    // as it sees the rows asks nothing twice): where the next page starts.
    void pageReceived(int page, qint64 total, bool hasNext);
    void pageFailed(const hm::Error &error);

private:
    // Drops the rows; `state` is the state the reset leaves.
    void startOver(State state);
    void requestPage(int page);

    const int m_columns;
    const Options m_options;
    QPointer<client::ApiClient> m_client;
    int m_pageSize = kDefaultPageSize;
    qint64 m_total = 0;
    int m_nextPage = 1;
    bool m_hasNext = false;
    bool m_fetching = false;
    State m_state = State::Idle;
    hm::Error m_error;
    quint64 m_generation = 0;
};

// The rows of a remote list, items of type T told apart by idOf(): pages
// are appended without the rows the model already has (rows created
// meanwhile shift the pages), and live updates go in by id (insertItem,
// replaceItem, removeItem). A subclass says how a page is asked for and how
// a cell is shown.
template <typename T> class RemoteList : public RemoteListModel
{
public:
    using PageCallback = std::function<void(Result<client::Page<T>>)>;

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }

    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override
    {
        if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
            return {};
        return cellData(m_rows.at(index.row()), index.column(), role);
    }

    // The row's item; nullptr out of range.
    const T *item(int row) const
    {
        return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
    }

    int rowOf(const QString &id) const
    {
        for (int row = 0; row < m_rows.size(); ++row) {
            if (idOf(m_rows[row]) == id)
                return row;
        }
        return -1;
    }

protected:
    RemoteList(int columns, Options options, QObject *parent)
        : RemoteListModel(columns, options, parent)
    {}

    virtual void requestPage(client::ApiClient &client, int page, int size, PageCallback done) = 0;
    virtual QString idOf(const T &item) const = 0;
    virtual QVariant cellData(const T &item, int column, int role) const = 0;

    // For a route that does not page: its answer, every row, as one page.
    static std::function<void(Result<QList<T>>)> asWholePage(PageCallback done)
    {
        return [done = std::move(done)](Result<QList<T>> list) {
            if (!list)
                return done(list.error());
            client::Page<T> page;
            page.items = *std::move(list);
            page.size = int(page.items.size());
            page.total = page.items.size();
            page.pages = 1;
            done(std::move(page));
        };
    }

    const QList<T> &items() const { return m_rows; }

    // Rows that come (a live update) at `row`: the total counts them.
    void insertItems(int row, const QList<T> &items)
    {
        if (items.isEmpty())
            return;
        beginInsertRows({}, row, row + int(items.size()) - 1);
        m_rows = m_rows.mid(0, row) + items + m_rows.mid(row);
        endInsertRows();
        adjustTotal(items.size());
    }
    void insertItem(int row, const T &item) { insertItems(row, {item}); }
    void replaceItem(int row, const T &item)
    {
        m_rows[row] = item;
        emit dataChanged(index(row, 0), index(row, columnCount() - 1));
    }
    void removeItem(int row)
    {
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
        adjustTotal(-1);
    }

private:
    void clearRows() final { m_rows.clear(); }

    void fetchPage(client::ApiClient &client, int page, int size, quint64 generation) final
    {
        requestPage(
            client, page, size,
            [this, generation, guard = QPointer<RemoteListModel>(this)](Result<client::Page<T>> r) {
                if (guard && isCurrent(generation))
                    receive(std::move(r));
            });
    }

    void receive(Result<client::Page<T>> r)
    {
        if (!r) {
            pageFailed(r.error());
            return;
        }
        if (options().wholeList && !m_rows.isEmpty()) {
            // Rows changed meanwhile (a live update): the answer wins.
            beginResetModel();
            m_rows = r->items;
            endResetModel();
        } else {
            QList<T> fresh;
            for (const T &item : r->items) {
                if (options().wholeList || rowOf(idOf(item)) < 0)
                    fresh << item;
            }
            if (!fresh.isEmpty()) {
                beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + fresh.size()) - 1);
                m_rows << fresh;
                endInsertRows();
            }
        }
        pageReceived(r->page, r->total, !options().wholeList && r->hasNext);
        setState(State::Ready);
    }

    QList<T> m_rows;
};

} // namespace hm::app
