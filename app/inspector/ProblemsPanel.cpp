#include "inspector/ProblemsPanel.h"

#include "inspector/FlowChecker.h"
#include "inspector/InspectorStyle.h"

#include <QApplication>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QStackedWidget>
#include <QTreeView>
#include <QVBoxLayout>

namespace hm::app {

ProblemsModel::ProblemsModel(FlowChecker *checker, QObject *parent)
    : QAbstractTableModel(parent), m_checker(checker)
{
    m_errorIcon = severityIcon(EditorProblem::Severity::Error, QPalette());
    m_warningIcon = severityIcon(EditorProblem::Severity::Warning, QPalette());
    m_problems = checker->problems();
    connect(checker, &FlowChecker::problemsChanged, this, &ProblemsModel::reload);
}

void ProblemsModel::reload()
{
    beginResetModel();
    m_problems = m_checker->problems();
    endResetModel();
}

void ProblemsModel::retranslate()
{
    emit headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_problems.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

QIcon ProblemsModel::severityIcon(EditorProblem::Severity severity, const QPalette &palette)
{
    // Drawn, not a bitmap: crisp at any scale. An error is a round badge, a
    // warning a triangle, both with "!" (colour is never the only signal).
    QIcon icon;
    for (const int size : {16, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter p(&pixmap);
        p.setRenderHint(QPainter::Antialiasing);
        const double s = size;
        const bool error = severity == EditorProblem::Severity::Error;
        const QColor fill = inspectorstyle::colour(palette, error ? inspectorstyle::Tone::Error
                                                                  : inspectorstyle::Tone::Warning);
        p.setPen(Qt::NoPen);
        p.setBrush(fill);
        if (error) {
            p.drawEllipse(QRectF(s * 0.06, s * 0.06, s * 0.88, s * 0.88));
        } else {
            QPainterPath triangle;
            triangle.moveTo(s * 0.5, s * 0.06);
            triangle.lineTo(s * 0.96, s * 0.92);
            triangle.lineTo(s * 0.04, s * 0.92);
            triangle.closeSubpath();
            p.drawPath(triangle);
        }
        p.setBrush(error ? QColor(Qt::white) : QColor(0x1f, 0x1f, 0x1f));
        const double w = s * 0.12;
        const double top = error ? s * 0.22 : s * 0.32;
        p.drawRoundedRect(QRectF(s * 0.5 - w / 2, top, w, s * 0.36), w / 2, w / 2);
        p.drawEllipse(QPointF(s * 0.5, error ? s * 0.74 : s * 0.80), w * 0.62, w * 0.62);
        p.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

int ProblemsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : static_cast<int>(m_problems.size());
}

int ProblemsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ProblemsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EditorProblem &p = m_problems.at(index.row());
    const bool error = p.severity == EditorProblem::Severity::Error;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ProblemColumn:
            return p.message;
        case NodeColumn:
            return p.node.isEmpty() ? p.edge : p.node;
        case SourceColumn:
            return ProblemText::originText(p.origin);
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == ProblemColumn)
            return error ? m_errorIcon : m_warningIcon;
        return {};
    case Qt::ToolTipRole:
        return tr("%1: %2").arg(ProblemText::severityText(p.severity), p.message);
    case Qt::AccessibleDescriptionRole:
        return ProblemText::severityText(p.severity);
    case kSeverityRole:
        return error ? QStringLiteral("error") : QStringLiteral("warning");
    default:
        return {};
    }
}

QVariant ProblemsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ProblemColumn:
        return tr("Problem");
    case NodeColumn:
        return tr("Node");
    case SourceColumn:
        return tr("Found by");
    }
    return {};
}

// --- ProblemsPanel ---------------------------------------------------------------

ProblemsPanel::ProblemsPanel(FlowChecker *checker, QWidget *parent)
    : QWidget(parent), m_checker(checker), m_model(new ProblemsModel(checker, this)),
      m_stack(new QStackedWidget), m_view(new QTreeView),
      m_empty(inspectorstyle::makeNote(inspectorstyle::Tone::Muted,
                                       QStringLiteral("editor.problems.empty")))
{
    setObjectName(QStringLiteral("editor.problems"));
    m_view->setObjectName(QStringLiteral("editor.problems.list"));
    m_view->setModel(m_model);
    m_view->setRootIsDecorated(false);
    m_view->setUniformRowHeights(true);
    m_view->setAlternatingRowColors(true);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setWordWrap(false);
    m_view->setTextElideMode(Qt::ElideRight);
    QHeaderView *header = m_view->header();
    header->setStretchLastSection(false);
    header->setSectionResizeMode(ProblemsModel::ProblemColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(ProblemsModel::NodeColumn, QHeaderView::Interactive);
    header->setSectionResizeMode(ProblemsModel::SourceColumn, QHeaderView::ResizeToContents);
    header->resizeSection(ProblemsModel::NodeColumn, 160);
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setFont(font());
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_empty);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);

    connect(m_view, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (index.isValid())
            emit problemActivated(m_model->problem(index.row()));
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, &ProblemsPanel::update);
    retranslate();
    update();
}

int ProblemsPanel::count() const
{
    return m_model->rowCount();
}

QString ProblemsPanel::title() const
{
    return tr("Problems (%1)").arg(QLocale().toString(count()));
}

void ProblemsPanel::update()
{
    m_stack->setCurrentWidget(count() == 0 ? static_cast<QWidget *>(m_empty) : m_view);
    emit countChanged(count());
}

void ProblemsPanel::retranslate()
{
    m_empty->setText(tr("No problems found. The editor checks the flow as you edit it."));
    m_model->retranslate();
}

void ProblemsPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_checker->retranslate();
        retranslate();
    }
    QWidget::changeEvent(event);
}

} // namespace hm::app
