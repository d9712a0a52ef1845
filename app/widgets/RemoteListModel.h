#pragma once

#include "client/ApiTypes.h"
#include "common/Error.h"
#include "common/Result.h"

#include <QAbstractTableModel>
#include <QPointer>
#include <algorithm>
#include <functional>

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// The lazy remote list of the console's sections (console.md "Lists"), once
// for every list model: rows come a page at a time as the view asks
// (canFetchMore / fetchMore); reload() drops them and asks for page 1 (a new
// search or filter); refresh() asks for page 1 again and merges it; the
// answer of a request a reload or reset superseded is dropped (generation
// counter); a failed first page is the Failed state (lastError()), a failed
// later page keeps the rows and says fetchFailed.
//
// Paging is by offset while rows come and go: the model counts the server's
// rows in front of the next unseen one (rows received, plus live rows put in
// front of it, minus rows that left) and asks for the page that holds it;
// rows a page brings again are skipped, so a row created or deleted
// meanwhile is neither shown twice nor skipped. The rows themselves live in
// RemoteList<T> below.
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
    // Asks for the first page again and merges it (events may have been
    // missed): rows new to the model go on top, known rows take the
    // server's values (RemoteList::updateFromPage); the pages already
    // loaded stay. Not Ready yet: reload().
    void refresh();

    State state() const { return m_state; }
    // The id of the row (as idOf() tells rows apart).
    virtual QString idAt(int row) const = 0;
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
    // A row the server has that the model does not show (behind the loaded
    // ones while pages remain: its page brings it).
    void adjustTotal(qint64 delta) { m_total = std::max<qint64>(0, m_total + delta); }
    // Pages remain after the loaded rows.
    bool hasMore() const { return m_hasNext; }
    const Options &options() const { return m_options; }

    // For RemoteList<T>: asks `client` for page `page` of `size` rows; a
    // merging fetch is refresh()'s first page.
    virtual void fetchPage(client::ApiClient &client, int page, int size, quint64 generation,
                           bool merge) = 0;
    virtual void clearRows() = 0;
    bool isCurrent(quint64 generation) const { return generation == m_generation; }
    // The answer for the current generation came, its `count` rows are in
    // (until then the fetch counts as in flight: a view that asks for more
    // as soon as it sees the rows asks nothing twice): where the next page
    // starts. `size` is the page size the server used.
    void pageReceived(int page, int size, int count, qint64 total, bool hasNext);
    // refresh()'s page is in: the server's total (never below the rows).
    void totalReceived(qint64 total) { m_total = std::max<qint64>(total, rowCount()); }
    void pageFailed(const hm::Error &error);
    // Live rows (not from a page): `count` came, in front of the next page
    // when `aheadOfNextPage` (the server's order puts them among the loaded
    // rows); `count` loaded rows left.
    void rowsCame(int count, bool aheadOfNextPage);
    void rowsLeft(int count);

private:
    // Drops the rows; `state` is the state the reset leaves.
    void startOver(State state);
    void requestPage(int page);

    const int m_columns;
    const Options m_options;
    QPointer<client::ApiClient> m_client;
    int m_pageSize = kDefaultPageSize;
    qint64 m_total = 0;
    // Server rows in front of the next unseen one.
    qint64 m_offset = 0;
    bool m_hasNext = false;
    bool m_fetching = false;
    // A loaded row left while a page was on its way: that page may start
    // past an unseen row.
    bool m_shiftedWhileFetching = false;
    State m_state = State::Idle;
    hm::Error m_error;
    quint64 m_generation = 0;
};

// The rows of a remote list, items of type T told apart by idOf(): pages
// are appended without the rows the model already has (rows created
// meanwhile shift the pages), and live updates go in by id (insertItem,
// replaceItem, removeItem). A subclass says how a page is asked for and how
// a cell is shown, and may say the server's order (sortsBefore) so a row a
// page brings from before the last loaded one goes to its place.
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

    QString idAt(int row) const override
    {
        return row >= 0 && row < m_rows.size() ? idOf(m_rows[row]) : QString();
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
    // The server's order, when the model knows it: `a` comes before `b`.
    // Unknown (the default): a page's new rows go at the end, refresh()'s
    // on top.
    virtual bool sortsBefore(const T &a, const T &b) const
    {
        Q_UNUSED(a);
        Q_UNUSED(b);
        return false;
    }
    // A page brought row `row` again: by default the model's row stays (a
    // live update may be newer than the page).
    virtual void updateFromPage(int row, const T &item)
    {
        Q_UNUSED(row);
        Q_UNUSED(item);
    }

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

    // Rows that come (a live update) at `row`: the total counts them. With
    // `aheadOfNextPage` they stand where the server's order puts them among
    // the loaded rows, so the next page starts that much further (rows not
    // known to be there leave it: a page that brings them again skips them).
    void insertItems(int row, const QList<T> &items, bool aheadOfNextPage = false)
    {
        if (items.isEmpty())
            return;
        // Counted first: a view may ask for more on the signals.
        rowsCame(int(items.size()), aheadOfNextPage);
        beginInsertRows({}, row, row + int(items.size()) - 1);
        m_rows = m_rows.mid(0, row) + items + m_rows.mid(row);
        endInsertRows();
    }
    void insertItem(int row, const T &item, bool aheadOfNextPage = false)
    {
        insertItems(row, {item}, aheadOfNextPage);
    }
    // Where `item` goes in the server's order (sortsBefore) among the loaded
    // rows: rowCount() when after all of them.
    int placeOf(const T &item) const
    {
        const auto at =
            std::upper_bound(m_rows.cbegin(), m_rows.cend(), item,
                             [this](const T &a, const T &b) { return sortsBefore(a, b); });
        return int(at - m_rows.cbegin());
    }
    // The row's new values; `column` when only that cell changed.
    void replaceItem(int row, const T &item, int column = -1)
    {
        m_rows[row] = item;
        emit dataChanged(index(row, column < 0 ? 0 : column),
                         index(row, column < 0 ? columnCount() - 1 : column));
    }
    // The row's new values without a signal: the caller says which cells
    // changed (a live batch touching a few cells of many rows).
    void setItemQuietly(int row, const T &item) { m_rows[row] = item; }
    void removeItem(int row)
    {
        rowsLeft(1); // counted first: a view may ask for more on the signals
        beginRemoveRows({}, row, row);
        m_rows.removeAt(row);
        endRemoveRows();
    }

private:
    void clearRows() final { m_rows.clear(); }

    void fetchPage(client::ApiClient &client, int page, int size, quint64 generation,
                   bool merge) final
    {
        requestPage(client, page, size,
                    [this, generation, merge,
                     guard = QPointer<RemoteListModel>(this)](Result<client::Page<T>> r) {
                        if (!guard || !isCurrent(generation))
                            return;
                        if (merge)
                            mergeFirstPage(std::move(r));
                        else
                            receive(std::move(r));
                    });
    }

    // refresh()'s answer: known rows take the server's values, rows new to
    // the model and not after the first one go on top. A failure changes
    // nothing (the next refresh tries again).
    void mergeFirstPage(Result<client::Page<T>> r)
    {
        if (!r)
            return;
        QList<T> fresh;
        for (const T &item : r->items) {
            if (const int row = rowOf(idOf(item)); row >= 0)
                updateFromPage(row, item);
            else if (m_rows.isEmpty() || !sortsBefore(m_rows.constFirst(), item))
                fresh << item;
        }
        insertItems(0, fresh, true);
        totalReceived(r->total);
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
            QList<T> tail;
            for (const T &item : r->items) {
                if (!options().wholeList) {
                    if (const int row = rowOf(idOf(item)); row >= 0) {
                        updateFromPage(row, item);
                        continue;
                    }
                }
                // Mostly a page goes at the end; a row a page brings back
                // from before the end goes to its place in the server's order.
                if (tail.isEmpty() && !m_rows.isEmpty() && sortsBefore(item, m_rows.constLast())) {
                    const int row = placeOf(item);
                    beginInsertRows({}, row, row);
                    m_rows.insert(row, item);
                    endInsertRows();
                } else {
                    tail << item;
                }
            }
            if (!tail.isEmpty()) {
                beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + tail.size()) - 1);
                m_rows << tail;
                endInsertRows();
            }
        }
        pageReceived(r->page, r->size, int(r->items.size()), r->total,
                     !options().wholeList && r->hasNext);
        setState(State::Ready);
    }

    QList<T> m_rows;
};

} // namespace hm::app
