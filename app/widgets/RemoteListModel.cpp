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
    m_nextPage = 1;
    m_hasNext = false;
    m_fetching = false;
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

void RemoteListModel::requestPage(int page)
{
    if (!m_client)
        return;
    m_fetching = true;
    fetchPage(*m_client, page, m_pageSize, m_generation);
}

void RemoteListModel::pageReceived(int page, qint64 total, bool hasNext)
{
    m_total = total;
    m_hasNext = hasNext;
    m_nextPage = page + 1;
    m_fetching = false;
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
    if (m_state == State::Idle)
        setState(State::Loading);
    requestPage(m_nextPage);
}

} // namespace hm::app
