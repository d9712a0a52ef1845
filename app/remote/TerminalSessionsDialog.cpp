#include "remote/TerminalSessionsDialog.h"

#include "client/ApiClient.h"
#include "client/RemoteApi.h"
#include "client/Within.h"
#include "widgets/ColumnAlignment.h"
#include "widgets/DateTimeText.h"
#include "widgets/MessageBox.h"
#include "widgets/MissingValue.h"
#include "widgets/ServerErrorText.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QStackedLayout>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <algorithm>

namespace hm::app {

namespace {

constexpr int tsdSessionIdRole = Qt::UserRole + 1;

} // namespace

TerminalSessionsDialog::TerminalSessionsDialog(client::ApiClient *client, const QString &nodeId,
                                               const QString &nodeName, const QSet<QString> &inTabs,
                                               const QString &userId, QWidget *parent)
    : QDialog(parent), m_client(client), m_nodeId(nodeId), m_nodeName(nodeName), m_inTabs(inTabs),
      m_userId(userId)
{
    setObjectName(QStringLiteral("terminalSessionsDialog"));
    resize(760, 340);
    auto *layout = new QVBoxLayout(this);
    m_text = new QLabel(this);
    m_text->setObjectName(QStringLiteral("terminalSessions.text"));
    m_text->setWordWrap(true);
    layout->addWidget(m_text);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("terminalSessions.message"));
    m_message->setWordWrap(true);
    m_message->setProperty("tone", QStringLiteral("bad"));
    m_messageLine = new MessageLine(this, [this](const QString &text, MessageLine::Kind) {
        m_message->setText(text);
        m_message->setVisible(!text.isEmpty());
        m_message->style()->unpolish(m_message);
        m_message->style()->polish(m_message);
    });
    m_message->hide();
    layout->addWidget(m_message);

    auto *stack = new QStackedLayout();
    m_stack = stack;
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("terminalSessions.list"));
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setColumnCount(ColumnCount);
    m_list->header()->setStretchLastSection(false);
    alignHeaderLikeCells(m_list->header());
    m_list->header()->setSectionResizeMode(DirectoryColumn, QHeaderView::Stretch);
    m_list->setColumnWidth(StartedColumn, 140);
    m_list->setColumnWidth(ShellColumn, 90);
    m_list->setColumnWidth(IdleColumn, 90);
    m_list->setColumnWidth(StateColumn, 150);
    m_list->setColumnWidth(UserColumn, 90);
    stack->addWidget(m_list);
    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("terminalSessions.empty"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->setProperty("hmStyle", QStringLiteral("muted"));
    stack->addWidget(m_empty);
    layout->addLayout(stack, 1);

    auto *bar = new QHBoxLayout();
    m_reattach = new QPushButton(this);
    m_reattach->setObjectName(QStringLiteral("terminalSessions.reattach"));
    m_end = new QPushButton(this);
    m_end->setObjectName(QStringLiteral("terminalSessions.end"));
    m_refresh = new QPushButton(this);
    m_refresh->setObjectName(QStringLiteral("terminalSessions.refresh"));
    m_close = new QPushButton(this);
    m_close->setObjectName(QStringLiteral("terminalSessions.close"));
    bar->addWidget(m_reattach);
    bar->addWidget(m_end);
    bar->addStretch();
    bar->addWidget(m_refresh);
    bar->addWidget(m_close);
    layout->addLayout(bar);
    m_reattach->setDefault(true);

    connect(m_list, &QTreeWidget::itemSelectionChanged, this,
            &TerminalSessionsDialog::updateButtons);
    connect(m_list, &QTreeWidget::itemDoubleClicked, this,
            &TerminalSessionsDialog::reattachSelected);
    connect(m_reattach, &QPushButton::clicked, this, &TerminalSessionsDialog::reattachSelected);
    connect(m_end, &QPushButton::clicked, this, &TerminalSessionsDialog::endSelected);
    connect(m_refresh, &QPushButton::clicked, this, &TerminalSessionsDialog::refresh);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    connect(stack, &QStackedLayout::currentChanged, this, &TerminalSessionsDialog::updateButtons);
    retranslateUi();
    refresh();
}

QString TerminalSessionsDialog::idleText(qint64 seconds)
{
    seconds = std::max<qint64>(0, seconds);
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min").arg(seconds / 60);
    return tr("%1 h %2 min").arg(seconds / 3600).arg((seconds % 3600) / 60);
}

QString TerminalSessionsDialog::sessionCell(const client::TerminalSession &session, Column column,
                                            const QDateTime &now)
{
    switch (column) {
    case StartedColumn:
        return dateTimeText(session.createdAt.toLocalTime(), QLocale::ShortFormat,
                            TimeDetail::Minutes, missingValue());
    case ShellColumn:
        return orMissing(session.shell);
    case IdleColumn:
        return session.lastActivityAt.isValid() ? idleText(session.lastActivityAt.secsTo(now))
                                                : missingValue();
    case UserColumn:
        return orMissing(session.username);
    default:
        return {};
    }
}

void TerminalSessionsDialog::refresh()
{
    if (!m_client)
        return;
    m_loading = true;
    const int generation = ++m_generation;
    updateButtons();
    client::RemoteApi(*m_client).terminalSessions(
        m_nodeId,
        client::within(this, [this, generation](Result<QList<client::TerminalSession>> r) {
            if (generation != m_generation)
                return;
            m_loading = false;
            if (!r) {
                showMessage([=]() -> QString {
                    return tr("The sessions could not be read: %1")
                        .arg(describeApiError(r.error()));
                });
                fill({});
                return;
            }
            clearMessage();
            fill(r.value());
        }));
}

void TerminalSessionsDialog::fill(const QList<client::TerminalSession> &sessions)
{
    const QString selected = selectedId();
    m_sessions = sessions;
    // Oldest first: the order they were opened in.
    std::sort(m_sessions.begin(), m_sessions.end(),
              [](const client::TerminalSession &a, const client::TerminalSession &b) {
                  return a.createdAt < b.createdAt;
              });
    QSet<QString> users;
    for (const client::TerminalSession &s : std::as_const(m_sessions))
        users.insert(s.username);
    m_anyOthers = users.size() > 1;
    m_list->clear();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const client::TerminalSession &s : std::as_const(m_sessions)) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setData(StartedColumn, tsdSessionIdRole, s.id);
        item->setText(StartedColumn, sessionCell(s, StartedColumn, now));
        item->setToolTip(StartedColumn, dateTimeTextWithSeconds(s.createdAt.toLocalTime()));
        item->setText(ShellColumn, sessionCell(s, ShellColumn, now));
        item->setToolTip(ShellColumn, tr("%1, process %2").arg(s.shell).arg(s.pid));
        item->setText(DirectoryColumn, QStringLiteral("…")); // until the agent answers
        item->setText(IdleColumn, sessionCell(s, IdleColumn, now));
        const bool others = !m_userId.isEmpty() && s.userId != m_userId;
        item->setText(StateColumn, m_inTabs.contains(s.id) ? tr("In a tab here")
                                   : others                ? tr("Another user's")
                                   : s.attached            ? tr("Attached elsewhere")
                                                           : tr("Detached"));
        item->setText(UserColumn, sessionCell(s, UserColumn, now));
        if (s.id == selected)
            item->setSelected(true);
        // Where the shell is now, as the agent reads it (each row on its own).
        if (!m_client)
            continue;
        client::RemoteApi(*m_client).terminalWorkingDirectory(
            m_nodeId, s.id,
            client::within(this, [this, id = s.id, generation = m_generation](Result<QString> r) {
                if (generation != m_generation)
                    return;
                for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
                    QTreeWidgetItem *item = m_list->topLevelItem(row);
                    if (item->data(StartedColumn, tsdSessionIdRole).toString() != id)
                        continue;
                    item->setText(DirectoryColumn, r ? r.value() : tr("unknown"));
                    item->setToolTip(DirectoryColumn, r ? r.value() : describeApiError(r.error()));
                }
            }));
    }
    m_list->setColumnHidden(UserColumn, !m_anyOthers);
    if (m_list->topLevelItemCount() > 0 && m_list->selectedItems().isEmpty())
        m_list->topLevelItem(0)->setSelected(true);
    m_stack->setCurrentWidget(m_sessions.isEmpty() ? static_cast<QWidget *>(m_empty) : m_list);
    updateButtons();
}

QString TerminalSessionsDialog::selectedId() const
{
    const QList<QTreeWidgetItem *> items = m_list->selectedItems();
    return items.isEmpty() ? QString()
                           : items.first()->data(StartedColumn, tsdSessionIdRole).toString();
}

void TerminalSessionsDialog::updateButtons()
{
    const QString id = selectedId();
    m_reattach->setEnabled(!m_loading && mayReattach(id));
    m_end->setEnabled(!m_loading && !id.isEmpty());
    m_refresh->setEnabled(!m_loading);
}

void TerminalSessionsDialog::reattachSelected()
{
    const QString id = selectedId();
    if (!mayReattach(id))
        return;
    m_chosen = id;
    accept();
}

bool TerminalSessionsDialog::mayReattach(const QString &id) const
{
    if (id.isEmpty() || m_inTabs.contains(id))
        return false;
    // The server attaches a session to its owner only.
    const auto it = std::find_if(m_sessions.cbegin(), m_sessions.cend(),
                                 [&id](const client::TerminalSession &s) { return s.id == id; });
    return it != m_sessions.cend() && (m_userId.isEmpty() || it->userId == m_userId);
}

void TerminalSessionsDialog::endSelected()
{
    const QString id = selectedId();
    if (id.isEmpty() || !m_client)
        return;
    if (!MessageBox::confirm(this, tr("End terminal session"),
                             tr("End this session? Its shell and every program started in it "
                                "stop on %1.")
                                 .arg(m_nodeName),
                             tr("End session"), QStringLiteral("terminalSessions.confirmEnd"),
                             MessageBox::Confirm::Destructive))
        return;
    m_loading = true;
    updateButtons();
    client::RemoteApi(*m_client).closeTerminal(
        m_nodeId, id, client::within(this, [this, id](Result<void> r) {
            m_loading = false;
            if (!r) {
                showMessage([=]() -> QString {
                    return tr("The session could not be ended: %1")
                        .arg(describeApiError(r.error()));
                });
                updateButtons();
                return;
            }
            m_ended.append(id);
            refresh();
        }));
}

void TerminalSessionsDialog::showMessage(MessageLine::Text text)
{
    m_messageLine->show(std::move(text), MessageLine::Kind::Lasting);
}

void TerminalSessionsDialog::clearMessage()
{
    m_messageLine->clear();
}

void TerminalSessionsDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
        refresh(); // the rows' words too
    }
    QDialog::changeEvent(event);
}

void TerminalSessionsDialog::retranslateUi()
{
    setWindowTitle(tr("Terminal sessions on %1").arg(m_nodeName));
    m_text->setText(tr("Sessions keep running on %1 when their tab or the console is closed, "
                       "until they have been idle too long. Reattach one to use it again, or end "
                       "those you no longer need.")
                        .arg(m_nodeName));
    m_list->setHeaderLabels(
        {tr("Started"), tr("Shell"), tr("Working directory"), tr("Idle"), tr("State"), tr("User")});
    m_empty->setText(tr("No terminal session is running on this node."));
    m_reattach->setText(tr("Reattach"));
    m_end->setText(tr("End session"));
    m_refresh->setText(tr("Refresh"));
    m_close->setText(tr("Close"));
}

} // namespace hm::app
