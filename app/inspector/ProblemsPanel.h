#pragma once

#include "inspector/EditorProblem.h"

#include <QAbstractTableModel>
#include <QIcon>
#include <QWidget>

class QLabel;
class QStackedWidget;
class QTreeView;

namespace hm::app {

class FlowChecker;

// The flow's problems as a table: the problem (with an error or warning
// icon), the node it concerns, and who found it (the editor's checks or the
// server). Mirrors FlowChecker; the row's problem is in kProblemRole.
class ProblemsModel final : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column
    {
        ProblemColumn,
        NodeColumn,
        SourceColumn,
        ColumnCount
    };
    static constexpr int kSeverityRole = Qt::UserRole + 1; // "error" / "warning"

    explicit ProblemsModel(FlowChecker *checker, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

    const EditorProblem &problem(int row) const { return m_problems.at(row); }
    // Icons drawn for the severity (also the node badges' shapes).
    static QIcon severityIcon(EditorProblem::Severity severity, const QPalette &palette);
    // Header texts follow the language.
    void retranslate();

private:
    void reload();

    FlowChecker *m_checker;
    QList<EditorProblem> m_problems;
    QIcon m_errorIcon;
    QIcon m_warningIcon;
};

// The Problems list: the table, or a short line when there is nothing to
// report. Activating a row (double-click, Enter) emits problemActivated;
// the editor then selects and centres its node and opens the inspector at
// the field concerned. objectName: editor.problems (the view:
// editor.problems.list).
class ProblemsPanel final : public QWidget
{
    Q_OBJECT

public:
    explicit ProblemsPanel(FlowChecker *checker, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    ProblemsModel *model() const { return m_model; }
    int count() const;
    // "Problems (3)", for the dock's title.
    QString title() const;

signals:
    void problemActivated(const hm::app::EditorProblem &problem);
    void countChanged(int count);

protected:
    void changeEvent(QEvent *event) override;

private:
    void update();
    void retranslate();

    FlowChecker *m_checker;
    ProblemsModel *m_model;
    QStackedWidget *m_stack;
    QTreeView *m_view;
    QLabel *m_empty;
};

} // namespace hm::app
