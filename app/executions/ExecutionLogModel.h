#pragma once

#include "executions/ExecutionState.h"

#include <QAbstractListModel>
#include <QSortFilterProxyModel>

namespace hm::app {

// The execution log as a list: one row per ExecutionLogLine of an
// ExecutionState, appended as the state announces them (once per frame),
// worded in the current language when shown.
class ExecutionLogModel : public QAbstractListModel
{
    Q_OBJECT

public:
    enum Role
    {
        LevelRole = Qt::UserRole + 1, // ExecutionLogLine::Level as int
        NodeRole,                     // node id, empty for the execution
        TimeRole,                     // ms since the epoch
    };

    explicit ExecutionLogModel(ExecutionState *state, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

    // The line's words ("Node B failed on attempt 2: …").
    static QString text(const ExecutionLogLine &line);

    // After a language change: every row is worded again.
    void retranslate();

private:
    void onAppended(int first);

    ExecutionState *m_state;
    int m_rows = 0;
};

// What the log shows: lines containing a text (any case), at or above a
// level.
class ExecutionLogFilter : public QSortFilterProxyModel
{
    Q_OBJECT

public:
    explicit ExecutionLogFilter(QObject *parent = nullptr);

    void setText(const QString &text);
    void setMinimumLevel(ExecutionLogLine::Level level);

protected:
    bool filterAcceptsRow(int row, const QModelIndex &parent) const override;

private:
    QString m_text;
    ExecutionLogLine::Level m_level = ExecutionLogLine::Level::Info;
};

} // namespace hm::app
