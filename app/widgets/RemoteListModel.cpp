#include "widgets/RemoteListModel.h"

#include "client/ApiClient.h"

namespace hm::app {

RemoteListModel::RemoteListModel(int columns, Options options, QObject *parent)
    : QAbstractTableModel(parent), m_columns(columns), m_options(options)
{}

void RemoteListModel::setClient(client::ApiClient *client)
{
    m_client = client;
    if (m_client && m_options.reloadOnNewClient)
        reload();
    else
        reset();
}

client::ApiClient *RemoteListModel::client() const
{
    return m_client;
}

void RemoteListModel::setPageSize(int size)
{
    m_pageSize = qBound(1, size, 100);
}

void RemoteListModel::reset()
{
    startOver(State::Idle);
}

void RemoteListModel::startOver(State state)
{
    ++m_generation;
    const bool changed = m_state != state;
    beginResetModel();
    clearRows();
    m_total = 0;
    m_offset = 0;
    m_hasNext = false;
    m_fetching = false;
    m_shiftedWhileFetching = false;
    m_state = state;
    endResetModel();
    // A view may have asked for a lazy first page on the reset (Loading).
    if (changed && m_state == state)
        emit stateChanged(m_state);
}

void RemoteListModel::reload()
{
    if (!m_client)
        return;
    if (m_options.keepRowsWhileReloading) {
        ++m_generation; // what is on its way is for the rows as they were
        setState(State::Loading);
    } else {
        // Loading before the reset: whoever looks at the empty model on
        // modelReset must not take it for an empty answer.
        startOver(State::Loading);
    }
    requestPage(1);
}

void RemoteListModel::refresh()
{
    if (!m_client)
        return;
    if (m_state != State::Ready) {
        reload();
        return;
    }
    // Not a fetch of the next page: fetchMore() stays open meanwhile.
    fetchPage(*m_client, 1, m_pageSize, m_generation, true);
}

void RemoteListModel::requestPage(int page)
{
    if (!m_client)
        return;
    m_fetching = true;
    m_shiftedWhileFetching = false;
    fetchPage(*m_client, page, m_pageSize, m_generation, false);
}

void RemoteListModel::pageReceived(int page, int size, int count, qint64 total, bool hasNext)
{
    const qint64 answered = qint64(std::max(page, 1) - 1) * (size > 0 ? size : m_pageSize) + count;
    // A row that left while the page was on its way may have moved an
    // unseen one in front of the page: ask again from where the model knew
    // to be (rows seen twice are skipped, none is missed).
    const bool shifted = m_shiftedWhileFetching;
    m_offset = shifted ? std::min(m_offset, answered) : answered;
    m_shiftedWhileFetching = false;
    m_total = std::max<qint64>(total, rowCount());
    // Rows that left before the page was asked for moved the offset back
    // already; rows that left while it was on its way may have pulled
    // unseen ones in front of where the server thinks this page ended: the
    // next page starts there. Otherwise the server's word holds: rows the
    // model shows and the server no longer counts (deleted, no event said
    // so) must not make it ask for the last page again and again.
    m_hasNext = hasNext || (shifted && count > 0 && m_offset < total);
    m_fetching = false;
}

void RemoteListModel::rowsCame(int count, bool aheadOfNextPage)
{
    adjustTotal(count);
    if (aheadOfNextPage)
        m_offset += count;
}

void RemoteListModel::rowsLeft(int count)
{
    adjustTotal(-count);
    m_offset = std::max<qint64>(0, m_offset - count);
    if (m_fetching)
        m_shiftedWhileFetching = true;
}

void RemoteListModel::pageFailed(const hm::Error &error)
{
    m_fetching = false;
    m_error = error;
    if (m_state == State::Loading || rowCount() == 0)
        setState(State::Failed);
    else
        emit fetchFailed(m_error);
}

void RemoteListModel::setState(State state)
{
    if (m_state == state && state != State::Failed)
        return;
    m_state = state;
    emit stateChanged(state);
}

int RemoteListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_columns;
}

bool RemoteListModel::canFetchMore(const QModelIndex &parent) const
{
    if (parent.isValid() || m_fetching)
        return false;
    if (m_state == State::Idle)
        return m_options.lazyFirstPage && m_client;
    return m_state == State::Ready && m_hasNext;
}

void RemoteListModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    if (m_state == State::Idle) {
        setState(State::Loading);
        requestPage(1);
        return;
    }
    requestPage(int(m_offset / m_pageSize) + 1);
}

} // namespace hm::app
