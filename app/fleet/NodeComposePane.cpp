#include "fleet/NodeComposePane.h"

#include "client/RemoteApi.h"
#include "client/Within.h"
#include "widgets/ColumnAlignment.h"
#include "widgets/MessageBox.h"
#include "widgets/ServerErrorText.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hm::app {

namespace {

// The project's name is what Up and Down act on; kept on the first cell.
constexpr int kComposeProjectRole = Qt::UserRole + 1;

QTableWidgetItem *composeCell(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setToolTip(text);
    return item;
}

} // namespace

NodeComposePane::NodeComposePane(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("nodes.docker.composePane"));
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    m_note = new QLabel(this);
    m_note->setObjectName(QStringLiteral("nodes.docker.composeNote"));
    m_note->setWordWrap(true);
    m_note->setProperty("hmStyle", QStringLiteral("muted"));
    layout->addWidget(m_note);

    auto *bar = new QHBoxLayout();
    m_up = new QPushButton(this);
    m_up->setObjectName(QStringLiteral("nodes.docker.composeUp"));
    m_down = new QPushButton(this);
    m_down->setObjectName(QStringLiteral("nodes.docker.composeDown"));
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("nodes.docker.composeBusy"));
    m_busy->setRange(0, 0); // no steps to count: compose says nothing until it ends
    m_busy->setMaximumWidth(120);
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("nodes.docker.composeStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_statusLine = new MessageLine(
        this, [this](const QString &text, MessageLine::Kind) { m_status->setText(text); });
    bar->addWidget(m_up);
    bar->addWidget(m_down);
    bar->addWidget(m_busy);
    bar->addWidget(m_status, 1);
    layout->addLayout(bar);

    m_table = new QTableWidget(0, 4, this);
    m_table->setObjectName(QStringLiteral("nodes.docker.composes"));
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    alignHeaderLikeCells(m_table->horizontalHeader());
    m_table->setColumnWidth(0, 170);
    m_table->setColumnWidth(1, 130);
    m_table->setColumnWidth(2, 100);
    layout->addWidget(m_table, 1);

    m_output = new QPlainTextEdit(this);
    m_output->setObjectName(QStringLiteral("nodes.docker.composeOutput"));
    m_output->setReadOnly(true);
    m_output->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_output->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_output->setMaximumHeight(110);
    m_output->hide();
    layout->addWidget(m_output);

    connect(m_up, &QPushButton::clicked, this, &NodeComposePane::upSelected);
    connect(m_down, &QPushButton::clicked, this, &NodeComposePane::downSelected);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &NodeComposePane::updateActions);
    retranslateUi();
}

void NodeComposePane::setClient(client::ApiClient *client)
{
    m_client = client;
    setNode({}, {}, false);
}

void NodeComposePane::setNode(const QString &nodeId, const QString &nodeName, bool online)
{
    if (nodeId != m_nodeId) {
        ++m_generation;
        m_nodeId = nodeId;
        m_table->setRowCount(0);
        m_runningProject.clear();
        m_busy->hide();
        m_output->clear();
        m_output->hide();
        clearStatus();
    }
    m_nodeName = nodeName;
    m_online = online;
    updateActions();
}

QString NodeComposePane::selectedProject() const
{
    const QList<QTableWidgetItem *> items = m_table->selectedItems();
    if (items.isEmpty())
        return {};
    const QTableWidgetItem *first = m_table->item(items.first()->row(), 0);
    return first ? first->data(kComposeProjectRole).toString() : QString();
}

void NodeComposePane::reload()
{
    if (!m_client || m_nodeId.isEmpty() || !m_online)
        return;
    const quint64 generation = m_generation;
    client::RemoteApi(*m_client).composeProjects(
        m_nodeId, client::within(this, [this, generation](Result<client::ComposeProjects> r) {
            if (generation != m_generation)
                return;
            ++m_answers;
            if (!r) {
                if (!isRunning())
                    showStatus(
                        [=]() -> QString {
                            return tr("The compose projects could not be read: %1")
                                .arg(describeApiError(r.error()));
                        },
                        QStringLiteral("bad"));
                return;
            }
            m_available = r.value().composeAvailable;
            updateNote();
            const QString keep = selectedProject();
            m_table->setRowCount(int(r.value().items.size()));
            int keepRow = -1;
            for (int row = 0; row < r.value().items.size(); ++row) {
                const client::ComposeProject &p = r.value().items.at(row);
                auto *name = composeCell(p.name);
                name->setData(kComposeProjectRole, p.name);
                m_table->setItem(row, 0, name);
                m_table->setItem(row, 1,
                                 composeCell(p.busy                  ? tr("Compose running...")
                                      : p.state == u"running" ? tr("Running")
                                      : p.state == u"partial" ? tr("Partly running")
                                      : p.state == u"down"    ? tr("Not up")
                                                              : tr("Stopped")));
                m_table->setItem(row, 2, composeCell(tr("%1 of %2").arg(p.running).arg(p.total)));
                m_table->setItem(row, 3, composeCell(p.workingDir));
                if (p.name == keep)
                    keepRow = row;
            }
            if (keepRow >= 0)
                m_table->selectRow(keepRow);
            updateActions();
        }));
}

void NodeComposePane::run(bool up)
{
    const QString project = selectedProject();
    if (!m_client || m_nodeId.isEmpty() || project.isEmpty() || isRunning())
        return;
    if (!up &&
        !MessageBox::confirm(this, tr("Bring compose project down"),
                             tr("Bring \"%1\" down on %2? Compose stops and removes its "
                                "containers and networks; its volumes and the project's "
                                "files are kept.")
                                 .arg(project, m_nodeName),
                             tr("Bring down"), QStringLiteral("nodes.docker.confirmComposeDown"),
                             MessageBox::Confirm::Destructive))
        return;
    m_runningProject = project;
    m_runningUp = up;
    m_busy->show();
    m_output->clear();
    m_output->hide();
    showStatus(
        [=]() -> QString {
            return up ? tr("Bringing \"%1\" up...").arg(project)
                      : tr("Bringing \"%1\" down...").arg(project);
        },
        {});
    updateActions();
    const quint64 generation = m_generation;
    client::RemoteApi(*m_client).composeRun(
        m_nodeId, project, up,
        client::within(this, [this, generation, project, up](Result<client::ComposeRun> r) {
            if (generation != m_generation)
                return;
            m_runningProject.clear();
            m_busy->hide();
            if (r) {
                showStatus(
                    [=]() -> QString {
                        return up ? tr("\"%1\" is up.").arg(project)
                                  : tr("\"%1\" is down.").arg(project);
                    },
                    QStringLiteral("good"));
                m_output->setPlainText(r.value().output.trimmed());
                m_output->setVisible(!r.value().output.trimmed().isEmpty());
            } else {
                showStatus(
                    [=]() -> QString {
                        return up ? tr("\"%1\" was not brought up: %2")
                                        .arg(project, describeApiError(r.error()))
                                  : tr("\"%1\" was not brought down: %2")
                                        .arg(project, describeApiError(r.error()));
                    },
                    QStringLiteral("bad"));
            }
            updateActions();
            emit runFinished(bool(r));
            reload();
        }));
}

void NodeComposePane::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void NodeComposePane::retranslateUi()
{
    m_up->setText(tr("Up"));
    m_up->setToolTip(tr("compose up -d in the project's directory"));
    m_down->setText(tr("Down..."));
    m_down->setToolTip(tr("compose down: stops and removes the project's containers"));
    m_table->setHorizontalHeaderLabels({tr("Project"), tr("State"), tr("Running"), tr("Directory")});
    updateNote();
}

void NodeComposePane::updateNote()
{
    m_note->setText(m_available
                        ? tr("The compose projects in the agent's compose roots and those its "
                             "containers belong to.")
                        : tr("The compose projects in the agent's compose roots and those its "
                             "containers belong to. No compose tool (docker-compose or "
                             "podman-compose) is installed on this node, so projects cannot be "
                             "brought up or down from here."));
}

void NodeComposePane::updateActions()
{
    const bool usable = m_client && m_online && m_available && !selectedProject().isEmpty()
                        && !isRunning();
    m_up->setEnabled(usable);
    m_down->setEnabled(usable);
}

void NodeComposePane::showStatus(MessageLine::Text text, const QString &tone)
{
    m_status->setProperty("tone", tone);
    m_status->style()->unpolish(m_status);
    m_status->style()->polish(m_status);
    m_statusLine->show(std::move(text), MessageLine::Kind::Lasting);
}

void NodeComposePane::clearStatus()
{
    m_statusLine->clear();
}

} // namespace hm::app
