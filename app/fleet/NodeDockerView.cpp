#include "fleet/NodeDockerView.h"

#include "client/ContainerLogFollow.h"
#include "client/RemoteApi.h"
#include "client/Within.h"
#include "fleet/NodeComposePane.h"
#include "fleet/NodeContainerModel.h"
#include "widgets/ByteSizeText.h"
#include "widgets/ColumnAlignment.h"
#include "widgets/DateTimeText.h"
#include "widgets/MessageBox.h"
#include "widgets/SectionEmptyState.h"
#include "widgets/ServerErrorText.h"
#include "widgets/SlackColumns.h"

#include <QCheckBox>
#include <QDateTime>
#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hm::app {

namespace {

constexpr int kContainersRefreshMs = 5000;
constexpr int kLogRefreshMs = 3000;
constexpr int kLogTail = 500;
// The newest lines kept, polled or followed: a container printing a flood
// cannot grow the console.
constexpr int kLogMaxLines = 10000;

void setDockerTone(QLabel *label, const QString &tone)
{
    label->setProperty("tone", tone);
    label->style()->unpolish(label);
    label->style()->polish(label);
}

// A log line's RFC 3339 time ("2026-11-27T14:32:25.123456789Z …") made
// comparable: the seconds, then nine fractional digits. Empty when none.
QString logStamp(const QString &line)
{
    const qsizetype space = line.indexOf(u' ');
    if (space < 20)
        return {};
    const QString stamp = line.left(space);
    const qsizetype dot = stamp.indexOf(u'.');
    const QString seconds = stamp.left(dot < 0 ? 19 : dot);
    QString fraction = dot < 0 ? QString() : stamp.mid(dot + 1);
    while (!fraction.isEmpty() && !fraction.back().isDigit())
        fraction.chop(1);
    return seconds + u'.' + fraction.leftJustified(9, u'0', true);
}

QTableWidget *dockerTable(const QString &name, int columns, QWidget *parent)
{
    auto *table = new QTableWidget(0, columns, parent);
    table->setObjectName(name);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    alignHeaderLikeCells(table->horizontalHeader());
    return table;
}

// Failures after which the container may have changed all the same: no
// answer in time (the console's, the server's or the agent's wait), the
// connection lost, or the agent gone while it was at work.
bool outcomeUnknown(const hm::Error &error)
{
    return error.code == ErrorCode::Timeout || error.code == ErrorCode::NetworkError ||
           error.code == ErrorCode::NodeOffline;
}

QTableWidgetItem *cell(const QString &text)
{
    auto *item = new QTableWidgetItem(text);
    item->setToolTip(text);
    return item;
}

} // namespace

NodeDockerView::NodeDockerView(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("nodes.docker"));
    m_model = new NodeContainerModel(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 6, 0, 0);

    m_stack = new QStackedWidget(this);
    m_content = new QWidget(m_stack);
    auto *contentLayout = new QVBoxLayout(m_content);
    contentLayout->setContentsMargins(0, 0, 0, 0);
    auto *bar = new QHBoxLayout();
    const auto button = [this, bar](const char *name) {
        auto *b = new QPushButton(m_content);
        b->setObjectName(QLatin1String(name));
        bar->addWidget(b);
        return b;
    };
    m_start = button("nodes.docker.start");
    m_stop = button("nodes.docker.stop");
    m_restart = button("nodes.docker.restart");
    m_remove = button("nodes.docker.remove");
    bar->addStretch();
    contentLayout->addLayout(bar);
    m_message = new QLabel(m_content);
    m_message->setObjectName(QStringLiteral("nodes.docker.message"));
    m_message->setWordWrap(true);
    m_message->hide();
    contentLayout->addWidget(m_message);
    m_messageLine = new MessageLine(this, [this](const QString &text, MessageLine::Kind) {
        m_message->setText(text);
        m_message->setVisible(!text.isEmpty());
    });

    auto *split = new QSplitter(Qt::Vertical, m_content);
    m_view = new QTableView(split);
    m_view->setObjectName(QStringLiteral("nodes.docker.containers"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    alignHeaderLikeCells(m_view->horizontalHeader());
    // Columns as wide as their values, the room left to names and images:
    // fixed widths pushed the compose project off the right edge (a
    // sideways scroll bar and a cut title) while Ports sat empty.
    new SlackColumns(m_view, {NodeContainerModel::NameColumn, NodeContainerModel::ImageColumn});
    split->addWidget(m_view);

    m_lower = new QTabWidget(split);
    m_lower->setObjectName(QStringLiteral("nodes.docker.lower"));
    m_lower->setDocumentMode(true);
    auto *logPane = new QWidget(m_lower);
    auto *logLayout = new QVBoxLayout(logPane);
    logLayout->setContentsMargins(0, 4, 0, 0);
    auto *logBar = new QHBoxLayout();
    m_logTitle = new QLabel(logPane);
    m_logTitle->setObjectName(QStringLiteral("nodes.docker.logTitle"));
    m_logTitle->setProperty("hmStyle", QStringLiteral("muted"));
    logBar->addWidget(m_logTitle, 1);
    m_follow = new QCheckBox(logPane);
    m_follow->setObjectName(QStringLiteral("nodes.docker.logFollow"));
    logBar->addWidget(m_follow);
    logLayout->addLayout(logBar);
    m_log = new QPlainTextEdit(logPane);
    m_log->setObjectName(QStringLiteral("nodes.docker.log"));
    m_log->setReadOnly(true);
    m_log->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_log->setMaximumBlockCount(kLogMaxLines);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    logLayout->addWidget(m_log, 1);
    m_lower->addTab(logPane, QString());
    m_images = dockerTable(QStringLiteral("nodes.docker.images"), 4, m_lower);
    m_images->setColumnWidth(0, 280);
    m_images->setColumnWidth(1, 130);
    m_images->setColumnWidth(2, 100);
    alignNumberColumn(m_images, 2); // the size
    m_lower->addTab(m_images, QString());
    m_composePane = new NodeComposePane(m_lower);
    m_lower->addTab(m_composePane, QString());
    split->addWidget(m_lower);
    split->setSizes({260, 240});
    contentLayout->addWidget(split, 1);
    m_stack->addWidget(m_content);
    m_empty = new SectionEmptyState(QStringLiteral("nodes.docker"), m_stack);
    m_stack->addWidget(m_empty);
    layout->addWidget(m_stack, 1);

    connect(m_start, &QPushButton::clicked, this, &NodeDockerView::startSelected);
    connect(m_stop, &QPushButton::clicked, this, &NodeDockerView::stopSelected);
    connect(m_restart, &QPushButton::clicked, this, &NodeDockerView::restartSelected);
    connect(m_remove, &QPushButton::clicked, this, &NodeDockerView::removeSelected);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        updateActions();
        if (selectedId() != m_logId)
            readLog();
    });
    connect(m_lower, &QTabWidget::currentChanged, this, [this](int index) {
        if (index == 1)
            readImages();
        else if (index == 2)
            m_composePane->reload();
    });
    connect(m_empty->action(), &QPushButton::clicked, this, &NodeDockerView::reload);
    connect(m_follow, &QCheckBox::toggled, this, [this](bool on) {
        m_followResume = FollowResume::None; // the user's choice, or resumed
        if (!on)
            stopFollow();
        logTitleForContainer();
        readLog();
    });
    // The next read starts when the last one answered.
    m_refresh.setSingleShot(true);
    m_refresh.setInterval(kContainersRefreshMs);
    connect(&m_refresh, &QTimer::timeout, this, &NodeDockerView::reload);
    m_logRefresh.setSingleShot(true);
    m_logRefresh.setInterval(kLogRefreshMs);
    connect(&m_logRefresh, &QTimer::timeout, this, &NodeDockerView::readLog);
    retranslateUi();
}

void NodeDockerView::setClient(client::ApiClient *client)
{
    m_client = client;
    // A follow belongs to the client it was made with.
    delete m_logFollow;
    m_logFollow = nullptr;
    m_composePane->setClient(client);
    setNode(nullptr);
}

bool NodeDockerView::isOnline() const
{
    return m_node && m_node->status == QLatin1String("online");
}

QString NodeDockerView::selectedId() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString()
                          : m_model->index(rows.first().row(), 0)
                                .data(NodeContainerModel::IdRole)
                                .toString();
}

void NodeDockerView::setNode(const client::NodeRow *node)
{
    const bool same = node && m_node && node->id == m_node->id;
    const bool wasOnline = isOnline();
    m_node = node ? std::optional<client::NodeRow>(*node) : std::nullopt;
    m_composePane->setNode(m_node ? m_node->id : QString(), m_node ? m_node->name : QString(),
                           isOnline());
    if (!same) {
        ++m_generation;
        ++m_logGeneration;
        m_inFlight = false;
        m_logInFlight = false;
        m_loaded = false;
        m_error.reset();
        m_model->clear();
        stopFollow();
        m_followResume = FollowResume::None;
        m_logId.clear();
        m_log->clear();
        m_images->setRowCount(0);
        clearMessage();
    } else if (wasOnline == isOnline()) {
        return;
    }
    reload();
}

void NodeDockerView::reload()
{
    m_refresh.stop();
    if (!m_client || !m_node || !isVisible() || !isOnline()) {
        m_logRefresh.stop();
        showState();
        return;
    }
    const quint64 generation = ++m_generation;
    m_inFlight = true;
    showState();
    client::RemoteApi(*m_client).containers(
        m_node->id,
        client::within(this, [this, generation](Result<QList<client::ContainerRow>> r) {
            if (generation != m_generation)
                return;
            m_inFlight = false;
            ++m_answers;
            if (r) {
                m_error.reset();
                m_loaded = true;
                const QString keep = selectedId();
                const int scroll = m_view->verticalScrollBar()->value();
                {
                    const QSignalBlocker quiet(m_view->selectionModel());
                    m_model->setContainers(r.value());
                    const int row = m_model->rowOfId(keep);
                    if (row >= 0)
                        m_view->selectRow(row);
                }
                m_view->verticalScrollBar()->setValue(scroll);
                if (selectedId() != m_logId)
                    readLog();
                resumeFollowIfStarted();
            } else {
                m_error = r.error();
            }
            const bool refused = m_error && (m_error->code == ErrorCode::CapabilityDisabled
                                             || m_error->code == ErrorCode::Forbidden);
            if (isVisible() && isOnline() && !refused)
                m_refresh.start();
            showState();
            if (m_lower->currentIndex() == 1)
                readImages();
            else if (m_lower->currentIndex() == 2)
                m_composePane->reload();
        }));
}

bool NodeDockerView::isFollowing() const
{
    return m_logFollow && m_logFollow->isRunning();
}

void NodeDockerView::logTitleForContainer()
{
    const client::ContainerRow *row = m_model->container(m_model->rowOfId(m_logId));
    if (!row) {
        m_logTitle->setText(tr("Select a container to see its log."));
        m_log->setPlaceholderText({});
        return;
    }
    // An empty pane says why (a quiet container is followed all the same).
    m_log->setPlaceholderText(
        m_follow->isChecked()
            ? tr("Nothing logged yet. New lines appear here as the container writes them.")
            : tr("The container has not logged anything yet."));
    m_logTitle->setText(m_follow->isChecked()
                            ? tr("Log of %1 (the last %2 lines, then live)")
                                  .arg(row->name)
                                  .arg(kLogTail)
                            : tr("Log of %1 (the last %2 lines, then what follows)")
                                  .arg(row->name)
                                  .arg(kLogTail));
}

void NodeDockerView::readLog()
{
    m_logRefresh.stop();
    const QString id = selectedId();
    if (id != m_logId) {
        // Another container: its own log from its last lines.
        stopFollow();
        m_followResume = FollowResume::None;
        ++m_logGeneration;
        m_logInFlight = false;
        m_logId = id;
        m_logLastStamp.clear();
        m_logLastStampLines.clear();
        m_logSince = 0;
        m_log->clear();
        logTitleForContainer();
    }
    if (!m_client || !m_node || m_logId.isEmpty() || !isVisible() || !isOnline()) {
        stopFollow();
        return;
    }
    if (m_follow->isChecked()) {
        startFollow();
        return;
    }
    if (m_logInFlight)
        return;
    const quint64 generation = m_logGeneration;
    m_logInFlight = true;
    client::RemoteApi(*m_client).containerLogs(
        m_node->id, m_logId, kLogTail, m_logSince, true,
        client::within(this, [this, generation](Result<client::ContainerLog> r) {
            if (generation != m_logGeneration)
                return;
            m_logInFlight = false;
            if (!r)
                m_logTitle->setText(
                    tr("The log could not be read: %1").arg(describeApiError(r.error())));
            else
                appendLogLines(r.value().text.split(u'\n', Qt::SkipEmptyParts));
            if (isVisible() && isOnline() && !m_logId.isEmpty() && !m_follow->isChecked())
                m_logRefresh.start();
        }));
}

void NodeDockerView::appendLogLines(const QStringList &lines)
{
    QStringList shownAtLast = m_logLastStampLines; // each skipped once
    QStringList fresh;
    for (const QString &line : lines) {
        if (line.isEmpty())
            continue;
        const QString stamp = logStamp(line);
        if (!m_logLastStamp.isEmpty() && !stamp.isEmpty()) {
            if (stamp < m_logLastStamp)
                continue;
            if (stamp == m_logLastStamp && shownAtLast.removeOne(line))
                continue;
        }
        fresh.append(line);
    }
    if (fresh.isEmpty())
        return;
    // Scrolled along unless the user scrolled up to read.
    QScrollBar *bar = m_log->verticalScrollBar();
    const bool atEnd = bar->value() == bar->maximum();
    m_log->appendPlainText(fresh.join(u'\n'));
    if (atEnd)
        bar->setValue(bar->maximum());
    const QString newest = logStamp(fresh.constLast());
    if (newest != m_logLastStamp)
        m_logLastStampLines.clear();
    m_logLastStamp = newest;
    for (const QString &line : std::as_const(fresh))
        if (logStamp(line) == newest)
            m_logLastStampLines.append(line);
    const QDateTime time =
        QDateTime::fromString(fresh.constLast().section(u' ', 0, 0), Qt::ISODateWithMs);
    if (time.isValid())
        m_logSince = time.toSecsSinceEpoch();
}

void NodeDockerView::startFollow()
{
    if (isFollowing() && m_logFollow->container() == m_logId)
        return;
    if (!m_logFollow) {
        m_logFollow = new client::ContainerLogFollow(m_client, this);
        connect(m_logFollow, &client::ContainerLogFollow::linesArrived, this,
                &NodeDockerView::appendLogLines);
        connect(m_logFollow, &client::ContainerLogFollow::ended, this, [this] {
            // The container stopped (or the server's bounds): polling again.
            {
                const QSignalBlocker quiet(m_follow);
                m_follow->setChecked(false);
            }
            m_followResume = FollowResume::WaitForStop;
            m_logTitle->setText(tr("The live log ended (the container stopped); showing new "
                                   "lines every few seconds."));
            readLog();
        });
        connect(m_logFollow, &client::ContainerLogFollow::failed, this,
                [this](const hm::Error &error) {
                    {
                        const QSignalBlocker quiet(m_follow);
                        m_follow->setChecked(false);
                    }
                    m_logTitle->setText(tr("The log could not be followed: %1")
                                            .arg(describeApiError(error)));
                    readLog();
                });
    }
    m_logRefresh.stop();
    ++m_logGeneration; // a poll in flight is not applied any more
    m_logInFlight = false;
    m_logFollow->start(m_node->id, m_logId, kLogTail);
}

void NodeDockerView::resumeFollowIfStarted()
{
    if (m_followResume == FollowResume::None)
        return;
    const client::ContainerRow *row = m_model->container(m_model->rowOfId(m_logId));
    if (!row) {
        m_followResume = FollowResume::None;
        return;
    }
    const bool running = row->state == u"running" || row->state == u"restarting";
    if (!running) {
        m_followResume = FollowResume::WaitForStart;
    } else if (m_followResume == FollowResume::WaitForStart) {
        // Started again: live as before the stop (toggled: the title says
        // so and the stream opens).
        m_follow->setChecked(true);
    }
}

void NodeDockerView::stopFollow()
{
    if (m_logFollow)
        m_logFollow->stop();
}

void NodeDockerView::readImages()
{
    if (!m_client || !m_node || !isOnline())
        return;
    const quint64 generation = m_generation;
    client::RemoteApi(*m_client).dockerImages(
        m_node->id,
        client::within(this, [this, generation](Result<QList<client::DockerImage>> r) {
            if (generation != m_generation || !r)
                return;
            m_images->setRowCount(int(r.value().size()));
            for (int row = 0; row < r.value().size(); ++row) {
                const client::DockerImage &image = r.value().at(row);
                m_images->setItem(row, 0,
                                  cell(image.tags.isEmpty() ? tr("(untagged)")
                                                            : image.tags.join(u", ")));
                m_images->setItem(row, 1, cell(image.id.left(12)));
                auto *size = cell(ByteSizeText::format(image.size));
                size->setTextAlignment(kNumberColumn);
                m_images->setItem(row, 2, size);
                m_images->setItem(row, 3, cell(dateTimeText(image.created)));
            }
        }));
}

void NodeDockerView::actOnSelected(const QString &action)
{
    const client::ContainerRow *row = m_model->container(m_model->rowOfId(selectedId()));
    if (!m_client || !m_node || !row)
        return;
    const client::ContainerRow container = *row;
    const QString nodeId = m_node->id;
    const QString name = container.name;
    showMessage(
        [action, name] {
            return action == u"start"  ? tr("Starting \"%1\"...").arg(name)
                   : action == u"stop" ? tr("Stopping \"%1\"...").arg(name)
                                       : tr("Restarting \"%1\"...").arg(name);
        },
        {});
    client::RemoteApi(*m_client).containerAction(
        nodeId, container.id, action,
        client::within(this, [this, container, action, nodeId](Result<void> r) {
            if (!m_node || m_node->id != nodeId)
                return;
            const QString name = container.name;
            if (r)
                showMessage(
                    [action, name] {
                        return action == u"start"  ? tr("Started \"%1\".").arg(name)
                               : action == u"stop" ? tr("Stopped \"%1\".").arg(name)
                                                   : tr("Restarted \"%1\".").arg(name);
                    },
                    QStringLiteral("good"));
            else if (outcomeUnknown(r.error()))
                // It may well have happened (or still be happening): the
                // list read again shows what the container is now.
                showUnknownOutcome(
                    name, r.error(), [action, name, error = r.error()] {
                        return (action == u"start"
                                    ? tr("\"%1\" is still being started, or its outcome "
                                         "is unknown (%2). Its state below is read again.")
                                : action == u"stop"
                                    ? tr("\"%1\" is still being stopped, or its outcome is "
                                         "unknown (%2). Its state below is read again.")
                                    : tr("\"%1\" is still being restarted, or its outcome is "
                                         "unknown (%2). Its state below is read again."))
                            .arg(name, describeApiError(error));
                    });
            else
                showMessage(
                    [name, error = r.error()] {
                        return tr("\"%1\" was not changed: %2").arg(name, describeApiError(error));
                    },
                    QStringLiteral("bad"));
            // Started or restarted here: a live log that ended with its stop
            // comes back with the next list (which may never show it stopped).
            if (r && action != u"stop" && container.id == m_logId &&
                m_followResume != FollowResume::None)
                m_followResume = FollowResume::WaitForStart;
            emit actionFinished(bool(r));
            reload();
        }));
}

void NodeDockerView::stopSelected()
{
    const client::ContainerRow *row = m_model->container(m_model->rowOfId(selectedId()));
    if (!m_client || !m_node || !row)
        return;
    if (!MessageBox::confirm(this, tr("Stop container"),
                             tr("Stop the container \"%1\" on %2? Whatever it serves is down "
                                "until it is started again.")
                                 .arg(row->name, m_node->name),
                             tr("Stop"), QStringLiteral("nodes.docker.confirmStop")))
        return;
    actOnSelected(QStringLiteral("stop"));
}

void NodeDockerView::removeSelected()
{
    const client::ContainerRow *row = m_model->container(m_model->rowOfId(selectedId()));
    if (!m_client || !m_node || !row)
        return;
    const client::ContainerRow container = *row;
    const bool running = container.state == u"running" || container.state == u"restarting";
    const QString text =
        running ? tr("Remove the container \"%1\" on %2? It is running: it will be stopped "
                     "first. Its volumes are kept.")
                      .arg(container.name, m_node->name)
                : tr("Remove the container \"%1\" on %2? Its volumes are kept.")
                      .arg(container.name, m_node->name);
    if (!MessageBox::confirm(this, tr("Remove container"), text, tr("Remove"),
                             QStringLiteral("nodes.docker.confirmRemove"),
                             MessageBox::Confirm::Destructive))
        return;
    const QString nodeId = m_node->id;
    client::RemoteApi(*m_client).removeContainer(
        nodeId, container.id, running,
        client::within(this, [this, container, nodeId](Result<void> r) {
            if (!m_node || m_node->id != nodeId)
                return;
            const QString name = container.name;
            if (r)
                showMessage([name] { return tr("Removed \"%1\".").arg(name); },
                            QStringLiteral("good"));
            else if (outcomeUnknown(r.error()))
                showUnknownOutcome(name, r.error(), [name, error = r.error()] {
                    return tr("\"%1\" is still being removed, or its outcome is unknown "
                              "(%2). The list is read again.")
                        .arg(name, describeApiError(error));
                });
            else
                showMessage(
                    [name, error = r.error()] {
                        return tr("\"%1\" was not removed: %2").arg(name, describeApiError(error));
                    },
                    QStringLiteral("bad"));
            emit actionFinished(bool(r));
            reload();
        }));
}

void NodeDockerView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void NodeDockerView::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    reload();
    if (!m_logId.isEmpty())
        readLog(); // polling, or the stream, again
}

void NodeDockerView::hideEvent(QHideEvent *event)
{
    m_refresh.stop();
    m_logRefresh.stop();
    stopFollow();
    QWidget::hideEvent(event);
}

void NodeDockerView::retranslateUi()
{
    m_start->setText(tr("Start"));
    m_stop->setText(tr("Stop"));
    m_restart->setText(tr("Restart"));
    m_remove->setText(tr("Remove..."));
    m_lower->setTabText(0, tr("Log"));
    m_lower->setTabText(1, tr("Images"));
    m_lower->setTabText(2, tr("Compose projects"));
    m_images->setHorizontalHeaderLabels({tr("Tags"), tr("Image id"), tr("Size"), tr("Created")});
    emit m_model->headerDataChanged(Qt::Horizontal, 0, NodeContainerModel::ColumnCount - 1);
    m_follow->setText(tr("Follow"));
    m_follow->setToolTip(tr("Show new lines live as the container writes them"));
    logTitleForContainer();
    showState();
}

void NodeDockerView::showMessage(MessageLine::Text text, const QString &tone)
{
    m_unknownOutcome.reset();
    setDockerTone(m_message, tone);
    m_messageLine->show(std::move(text), MessageLine::Kind::Lasting);
}

void NodeDockerView::showUnknownOutcome(const QString &name, const hm::Error &error,
                                        MessageLine::Text said)
{
    showMessage(said, {});
    m_unknownOutcome = UnknownOutcome{name, error, std::move(said)};
}

void NodeDockerView::clearMessage()
{
    m_unknownOutcome.reset();
    m_messageLine->clear();
}

void NodeDockerView::updateActions()
{
    const client::ContainerRow *row = m_model->container(m_model->rowOfId(selectedId()));
    const bool usable = m_client && isOnline() && row;
    const bool running = row && (row->state == u"running" || row->state == u"restarting");
    m_start->setEnabled(usable && !running);
    m_stop->setEnabled(usable && running);
    m_restart->setEnabled(usable && running);
    m_remove->setEnabled(usable);
}

void NodeDockerView::showState()
{
    const ErrorCode code = m_error ? m_error->code : ErrorCode::InternalError;
    const bool rows = m_model->rowCount() > 0;
    SectionEmptyState::Content content;
    if (!m_node) {
        content.title = tr("No node selected");
        content.text = tr("Select a node to see its containers.");
    } else if (!isOnline()) {
        content.title = tr("The node is offline");
        content.text = tr("Its containers are read from its agent: they show here when the "
                          "agent connects again.");
    } else if (m_error && code == ErrorCode::CapabilityDisabled) {
        content.title = tr("This node's agent does not allow Docker");
        content.text = tr("Its configuration does not grant \"docker\". Add it to the agent's "
                          "capabilities on the machine (--allow docker) to manage its "
                          "containers here.");
    } else if (m_error && code == ErrorCode::Forbidden && !rows) {
        content.title = tr("You may not manage this node's containers");
        content.text = tr("An administrator can grant you \"docker\" on this node or one of "
                          "its labels under Users → Node grants.");
    } else if (m_error && code == ErrorCode::ServiceUnavailable && !rows
               && m_error->details.value(QStringLiteral("code")).toString()
                      == u"DOCKER_UNAVAILABLE") {
        content.title = tr("Docker is not running on this node");
        content.text = tr("The agent cannot reach the Docker daemon's socket. Start Docker on "
                          "the machine, or point the agent at its socket (--docker-socket).");
        content.details = serverErrorDetail(m_error->codeName(), m_error->message);
        content.action = tr("Retry");
    } else if (m_error && !rows) {
        content.title = tr("The containers could not be read");
        content.text = describeApiErrorSentence(*m_error);
        content.details = serverErrorDetail(m_error->codeName(), m_error->message);
        content.action = tr("Retry");
    } else if (!m_loaded) {
        content.title = tr("Reading the containers...");
        content.busy = true;
    } else if (!rows) {
        content.title = tr("No containers");
        content.text = tr("Docker on this node has no containers, running or stopped.");
    }
    const bool showList = content.title.isEmpty();
    if (!showList)
        m_empty->setContent(content);
    m_stack->setCurrentWidget(showList ? m_content : static_cast<QWidget *>(m_empty));
    if (m_error && rows && code != ErrorCode::CapabilityDisabled && m_unknownOutcome) {
        // Replacing it would lose that the container may have changed.
        m_unknownOutcome->readFailed = true;
        setDockerTone(m_message, QStringLiteral("bad"));
        m_messageLine->show(
            [unknown = *m_unknownOutcome, error = *m_error] {
                return tr("Whether \"%1\" changed is unknown (%2), and the list could not be "
                          "read again: %3")
                    .arg(unknown.name, describeApiError(unknown.error), describeApiError(error));
            },
            MessageLine::Kind::Lasting);
    } else if (m_error && rows && code != ErrorCode::CapabilityDisabled) {
        showMessage(
            [error = *m_error] {
                return tr("The list could not be refreshed: %1").arg(describeApiError(error));
            },
            QStringLiteral("bad"));
    } else if (!m_error && m_loaded && m_unknownOutcome && m_unknownOutcome->readFailed) {
        // Read at last: the state below is the container's now.
        m_unknownOutcome->readFailed = false;
        setDockerTone(m_message, {});
        m_messageLine->show(m_unknownOutcome->said, MessageLine::Kind::Lasting);
    }
    updateActions();
}

} // namespace hm::app
