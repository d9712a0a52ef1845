#include "credentials/CredentialUsageModel.h"

#include "client/ApiClient.h"
#include "credentials/CredentialText.h"
#include "widgets/DateTimeText.h"

namespace hm::app {

CredentialUsageModel::CredentialUsageModel(QObject *parent) : QAbstractTableModel(parent) {}

void CredentialUsageModel::setPageSize(int size)
{
    m_pageSize = qBound(1, size, 100);
}

void CredentialUsageModel::load(client::ApiClient *client, const QString &credentialId)
{
    ++m_generation;
    beginResetModel();
    m_rows.clear();
    m_total = 0;
    m_nextPage = 1;
    m_hasNext = false;
    m_fetching = false;
    endResetModel();
    m_client = client;
    m_credentialId = credentialId;
    if (!m_client || m_credentialId.isEmpty())
        return setState(State::Idle);
    setState(State::Loading);
    requestPage(1);
}

void CredentialUsageModel::requestPage(int page)
{
    if (!m_client)
        return;
    m_fetching = true;
    const quint64 generation = m_generation;
    client::CredentialsApi(*m_client).usages(
        m_credentialId, client::PageRequest{page, m_pageSize},
        [this, generation, guard = QPointer<CredentialUsageModel>(this)](
            Result<client::Page<client::CredentialUsage>> r) {
            if (!guard || generation != m_generation)
                return;
            m_fetching = false;
            if (!r) {
                m_error = r.error();
                setState(State::Failed);
                return;
            }
            // Where the list stands before the rows go in: a view (or a
            // tester) asking for more while they are inserted must not ask
            // for this page again.
            m_total = r->total;
            m_hasNext = r->hasNext;
            m_nextPage = r->page + 1;
            if (!r->items.isEmpty()) {
                beginInsertRows({}, int(m_rows.size()), int(m_rows.size() + r->items.size()) - 1);
                m_rows << r->items;
                endInsertRows();
            }
            setState(State::Ready);
        });
}

void CredentialUsageModel::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    emit stateChanged(state);
}

bool CredentialUsageModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_state == State::Ready && m_hasNext && !m_fetching;
}

void CredentialUsageModel::fetchMore(const QModelIndex &parent)
{
    if (canFetchMore(parent))
        requestPage(m_nextPage);
}

const client::CredentialUsage *CredentialUsageModel::usage(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows[row] : nullptr;
}

void CredentialUsageModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        emit dataChanged(index(0, 0), index(int(m_rows.size()) - 1, ColumnCount - 1));
}

int CredentialUsageModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CredentialUsageModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CredentialUsageModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const client::CredentialUsage &u = m_rows[index.row()];
    switch (role) {
    case IdRole:
        return u.id;
    case KindRole:
        return u.type;
    case Qt::ToolTipRole:
        return u.createdAt.isValid() ? tr("Linked %1").arg(dateTimeText(u.createdAt)) : QString();
    case Qt::DisplayRole:
        if (index.column() == NameColumn)
            return u.name.isEmpty() ? u.id : u.name;
        if (index.column() == KindColumn)
            return CredentialText::usageKind(u.type);
        return {};
    default:
        return {};
    }
}

QVariant CredentialUsageModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == NameColumn)
        return tr("Name");
    if (section == KindColumn)
        return tr("Kind");
    return {};
}

} // namespace hm::app
