#include "executions/ExecutionLogModel.h"

#include "executions/ExecutionFormat.h"

#include <QColor>
#include <QGuiApplication>
#include <QPalette>

namespace hm::app {

ExecutionLogModel::ExecutionLogModel(ExecutionState *state, QObject *parent)
    : QAbstractListModel(parent), m_state(state)
{
    connect(state, &ExecutionState::logAppended, this, &ExecutionLogModel::onAppended);
}

int ExecutionLogModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : m_rows;
}

void ExecutionLogModel::onAppended(int first)
{
    const int total = int(m_state->log().size());
    if (first < m_rows) {
        // The state started over (another execution).
        beginResetModel();
        m_rows = total;
        endResetModel();
        return;
    }
    if (total <= m_rows)
        return;
    beginInsertRows({}, m_rows, total - 1);
    m_rows = total;
    endInsertRows();
}

void ExecutionLogModel::retranslate()
{
    beginResetModel();
    m_rows = int(m_state->log().size());
    endResetModel();
}

QVariant ExecutionLogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows || index.row() >= m_state->log().size())
        return {};
    const ExecutionLogLine &line = m_state->log().at(index.row());
    switch (role) {
    case Qt::DisplayRole:
        return tr("%1  %2").arg(formatClock(line.timeMs, true), text(line));
    case Qt::ToolTipRole:
        return formatDateTime(line.timeMs);
    case Qt::ForegroundRole:
        if (line.level == ExecutionLogLine::Level::Error)
            return runStatusColour(RunStatus::Failed, isDarkPalette(QGuiApplication::palette()));
        if (line.level == ExecutionLogLine::Level::Warning)
            return runStatusColour(RunStatus::Cancelled, isDarkPalette(QGuiApplication::palette()));
        return {};
    case LevelRole:
        return int(line.level);
    case NodeRole:
        return line.nodeId;
    case TimeRole:
        return line.timeMs;
    default:
        return {};
    }
}

QString ExecutionLogModel::text(const ExecutionLogLine &line)
{
    using Kind = ExecutionLogLine::Kind;
    const QString error = line.code.isEmpty()     ? line.detail
                          : line.detail.isEmpty() ? line.code
                                                  : tr("%1 (%2)").arg(line.detail, line.code);
    switch (line.kind) {
    case Kind::Connected:
        return tr("Watching the execution: %1, %n node(s) finished.", "", int(line.count))
            .arg(runStatusLabel(runStatusFromName(line.code)));
    case Kind::ConnectionLost:
        return line.detail.isEmpty()
                   ? tr("Connection to the server lost; reconnecting.")
                   : tr("Connection to the server lost (%1); reconnecting.").arg(line.detail);
    case Kind::Reconnected:
        return line.count == 0
                   ? tr("Reconnected; nothing happened meanwhile.")
                   : tr("Reconnected; %n event(s) happened meanwhile, their result is shown.", "",
                        int(line.count));
    case Kind::ExecutionQueued:
        return tr("Execution queued.");
    case Kind::ExecutionStarted:
        return tr("Execution started.");
    case Kind::NodeStarted:
        return line.attempt > 1 ? tr("%1 started, attempt %2.").arg(line.nodeId).arg(line.attempt)
                                : tr("%1 started.").arg(line.nodeId);
    case Kind::NodeCompleted:
        return line.count >= 0
                   ? tr("%1 completed in %2.").arg(line.nodeId, formatDuration(line.count))
                   : tr("%1 completed.").arg(line.nodeId);
    case Kind::NodeRetrying:
        return tr("%1 failed on attempt %2 and will be retried: %3")
            .arg(line.nodeId)
            .arg(line.attempt)
            .arg(error);
    case Kind::NodeFailed:
        return tr("%1 failed: %2").arg(line.nodeId, error);
    case Kind::NodeSkipped:
        return line.code == QLatin1String("DEPENDENCY_FAILED")
                   ? tr("%1 skipped: a node it depends on failed.").arg(line.nodeId)
                   : tr("%1 skipped.").arg(line.nodeId);
    case Kind::NodeCancelled:
        return tr("%1 cancelled.").arg(line.nodeId);
    case Kind::ExecutionCompleted:
        return line.count >= 0 ? tr("Execution completed in %1.").arg(formatDuration(line.count))
                               : tr("Execution completed.");
    case Kind::ExecutionFailed:
        return error.isEmpty() ? tr("Execution failed.") : tr("Execution failed: %1").arg(error);
    case Kind::ExecutionCancelled:
        return line.count == 1 ? tr("Execution killed.") : tr("Execution cancelled.");
    }
    return {};
}

// --- ExecutionLogFilter ------------------------------------------------------

ExecutionLogFilter::ExecutionLogFilter(QObject *parent) : QSortFilterProxyModel(parent) {}

void ExecutionLogFilter::setText(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

void ExecutionLogFilter::setMinimumLevel(ExecutionLogLine::Level level)
{
    m_level = level;
    invalidateFilter();
}

bool ExecutionLogFilter::filterAcceptsRow(int row, const QModelIndex &parent) const
{
    const QModelIndex index = sourceModel()->index(row, 0, parent);
    if (index.data(ExecutionLogModel::LevelRole).toInt() < int(m_level))
        return false;
    return m_text.isEmpty() || index.data().toString().contains(m_text, Qt::CaseInsensitive);
}

} // namespace hm::app
