#include "fleet/AgentRolloutDialog.h"

#include "client/ApiClient.h"
#include "client/NodesApi.h"
#include "client/RemoteApi.h"
#include "client/Within.h"
#include "remote/ReauthenticateDialog.h"
#include "widgets/ColumnAlignment.h"
#include "widgets/LiveEvents.h"
#include "widgets/MessageBox.h"
#include "widgets/MessageLine.h"
#include "widgets/ServerErrorText.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hm::app {

namespace {

constexpr int kNodeIdRole = Qt::UserRole;
constexpr int kNodePage = 100;
constexpr int kDefaultSharePercent = 25;

QString rolloutSummary(const client::AgentRollout &rollout)
{
    return AgentRolloutDialog::tr(
               "Upgraded: %1 · failed: %2 · offline: %3 · not found: %4 · not tried: %5")
        .arg(rollout.success.size())
        .arg(rollout.failure.size())
        .arg(rollout.offline.size())
        .arg(rollout.missing.size())
        .arg(rollout.skipped.size());
}

} // namespace

AgentRolloutDialog::AgentRolloutDialog(client::ApiClient *client,
                                       QList<client::AgentRelease> releases,
                                       const QString &releaseId, const QStringList &nodeIds,
                                       QWidget *parent)
    : QDialog(parent), m_client(client), m_releases(std::move(releases)),
      m_preselected(nodeIds)
{
    setObjectName(QStringLiteral("agentRolloutDialog"));
    setMinimumSize(760, 520);
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setObjectName(QStringLiteral("agentRollout.intro"));
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);

    auto *releaseRow = new QHBoxLayout;
    m_releaseLabel = new QLabel(this);
    m_release = new QComboBox(this);
    m_release->setObjectName(QStringLiteral("agentRollout.release"));
    m_releaseLabel->setBuddy(m_release);
    for (const client::AgentRelease &release : std::as_const(m_releases)) {
        m_release->addItem(release.version, release.id);
        if (release.id == releaseId)
            m_release->setCurrentIndex(m_release->count() - 1);
    }
    releaseRow->addWidget(m_releaseLabel);
    releaseRow->addWidget(m_release, 1);
    releaseRow->addSpacing(16);
    m_labelLabel = new QLabel(this);
    m_label = new QLineEdit(this);
    m_label->setObjectName(QStringLiteral("agentRollout.label"));
    m_label->setClearButtonEnabled(true);
    m_labelLabel->setBuddy(m_label);
    m_selectLabel = new QPushButton(this);
    m_selectLabel->setObjectName(QStringLiteral("agentRollout.selectLabel"));
    releaseRow->addWidget(m_labelLabel);
    releaseRow->addWidget(m_label, 1);
    releaseRow->addWidget(m_selectLabel);
    layout->addLayout(releaseRow);

    m_list = new QTableWidget(0, ColumnCount, this);
    m_list->setObjectName(QStringLiteral("agentRollout.nodes"));
    m_list->verticalHeader()->hide();
    m_list->setSelectionMode(QAbstractItemView::NoSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setWordWrap(false);
    m_list->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->horizontalHeader()->setStretchLastSection(true);
    alignHeaderLikeCells(m_list->horizontalHeader());
    layout->addWidget(m_list, 1);

    auto *shareRow = new QHBoxLayout;
    m_shareLabel = new QLabel(this);
    m_share = new QSpinBox(this);
    m_share->setObjectName(QStringLiteral("agentRollout.share"));
    m_share->setRange(1, 100);
    m_share->setValue(kDefaultSharePercent);
    m_share->setSuffix(QStringLiteral(" %"));
    m_shareLabel->setBuddy(m_share);
    shareRow->addWidget(m_shareLabel);
    shareRow->addWidget(m_share);
    m_stages = new QLabel(this);
    m_stages->setObjectName(QStringLiteral("agentRollout.stages"));
    m_stages->setWordWrap(true);
    m_stages->setProperty("hmStyle", QStringLiteral("muted"));
    shareRow->addWidget(m_stages, 1);
    layout->addLayout(shareRow);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("agentRollout.summary"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    // Said again in a new language, as the task in the window's list is.
    m_summaryLine = new MessageLine(
        this, [this](const QString &text, MessageLine::Kind) { m_summary->setText(text); });

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    m_start = new QPushButton(this);
    m_start->setObjectName(QStringLiteral("agentRollout.start"));
    m_start->setProperty("primary", true);
    m_close = new QPushButton(this);
    m_close->setObjectName(QStringLiteral("agentRollout.close"));
    buttons->addWidget(m_start);
    buttons->addWidget(m_close);
    layout->addLayout(buttons);

    m_live = new LiveEvents(this);
    connect(m_live, &LiveEvents::message, this, [this](const QString &type, const QJsonObject &data) {
        if (type == QLatin1String("agent_upgrade_finished"))
            nodeEnded(data);
    });
    m_live->setClient(client);
    connect(m_selectLabel, &QPushButton::clicked, this,
            [this] { selectLabel(m_label->text().trimmed()); });
    connect(m_label, &QLineEdit::returnPressed, this,
            [this] { selectLabel(m_label->text().trimmed()); });
    connect(m_share, &QSpinBox::valueChanged, this, [this] { m_stages->setText(stagesText()); });
    connect(m_list, &QTableWidget::itemChanged, this, [this](QTableWidgetItem *item) {
        if (item->column() == NodeColumn)
            updateButtons();
    });
    connect(m_start, &QPushButton::clicked, this, &AgentRolloutDialog::start);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    retranslateUi();
    if (m_client) {
        m_loading = true;
        loadNodes(1);
    }
}

void AgentRolloutDialog::loadNodes(int page)
{
    client::NodeFilter filter;
    filter.page = {page, kNodePage};
    client::NodesApi(*m_client).list(
        filter, client::within(this, [this](Result<client::Page<client::NodeRow>> r) {
            if (!r) {
                m_loading = false;
                m_summaryLine->show(
                    [error = r.error()] {
                        return tr("The nodes could not be read: %1").arg(describeApiError(error));
                    },
                    MessageLine::Kind::Lasting);
                updateButtons();
                emit nodesLoaded();
                return;
            }
            m_nodes.append(r.value().items);
            if (r.value().hasNext && m_client)
                return loadNodes(r.value().page + 1);
            m_loading = false;
            fillNodes();
            emit nodesLoaded();
        }));
}

void AgentRolloutDialog::fillNodes()
{
    const QSignalBlocker quiet(m_list);
    m_list->setRowCount(0);
    for (const client::NodeRow &node : std::as_const(m_nodes)) {
        const int row = m_list->rowCount();
        m_list->insertRow(row);
        auto *name = new QTableWidgetItem(node.name);
        name->setData(kNodeIdRole, node.id);
        name->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
        name->setCheckState(m_preselected.contains(node.id) ? Qt::Checked : Qt::Unchecked);
        m_list->setItem(row, NodeColumn, name);
        m_list->setItem(row, LabelsColumn, new QTableWidgetItem(node.labels.join(QStringLiteral(", "))));
        m_list->setItem(row, StatusColumn, new QTableWidgetItem());
        m_list->setItem(row, VersionColumn, new QTableWidgetItem(node.agentVersion));
        m_list->setItem(row, ResultColumn, new QTableWidgetItem());
        if (const auto found = m_outcomes.constFind(node.id); found != m_outcomes.cend())
            showOutcome(row, *found);
    }
    retranslateUi();
}

QStringList AgentRolloutDialog::checkedNodeIds() const
{
    QStringList ids;
    for (int row = 0; row < m_list->rowCount(); ++row)
        if (m_list->item(row, NodeColumn)->checkState() == Qt::Checked)
            ids.append(m_list->item(row, NodeColumn)->data(kNodeIdRole).toString());
    return ids;
}

void AgentRolloutDialog::selectLabel(const QString &label)
{
    if (label.isEmpty() || m_running)
        return;
    const QSignalBlocker quiet(m_list);
    for (int row = 0; row < m_list->rowCount() && row < m_nodes.size(); ++row)
        m_list->item(row, NodeColumn)
            ->setCheckState(m_nodes.at(row).labels.contains(label) ? Qt::Checked : Qt::Unchecked);
    updateButtons();
}

int AgentRolloutDialog::rowOf(const QString &nodeId) const
{
    for (int row = 0; row < m_list->rowCount(); ++row)
        if (m_list->item(row, NodeColumn)->data(kNodeIdRole).toString() == nodeId)
            return row;
    return -1;
}

void AgentRolloutDialog::start()
{
    if (!m_client || m_running || checkedNodeIds().isEmpty() || m_release->currentIndex() < 0)
        return;
    const QString text =
        tr("Upgrade the agents of %n node(s) to version %1? Each restarts on the new build and "
           "goes back to the old one if it cannot reach the server.",
           "", int(checkedNodeIds().size()))
            .arg(m_release->currentText());
    if (!MessageBox::confirm(this, tr("Upgrade agents"), text, tr("Upgrade"),
                             QStringLiteral("agentRollout.confirm")))
        return;
    run(false);
}

void AgentRolloutDialog::run(bool askedPassword)
{
    const QStringList ids = checkedNodeIds();
    m_running = true;
    m_outcomes.clear();
    for (const QString &id : ids)
        setOutcome(id, Outcome{});
    m_summaryLine->show(
        [] { return tr("Upgrading: the first node alone, then the next stages..."); },
        MessageLine::Kind::Lasting);
    updateButtons();
    listRollout(int(ids.size()));
    auto answered =
        client::within(this, [this, askedPassword](Result<client::AgentRollout> r) {
            m_running = false;
            updateButtons();
            if (!r && r.error().code == ErrorCode::ReauthenticationRequired && !askedPassword) {
                m_summaryLine->clear();
                askPassword();
                return;
            }
            if (!r) {
                m_outcomes.clear();
                fillNodes();
                m_summaryLine->show(
                    [error = r.error()] {
                        return tr("The upgrade did not start: %1").arg(describeApiError(error));
                    },
                    MessageLine::Kind::Lasting);
            } else {
                showAnswer(r.value());
            }
            emit rolloutFinished();
        });
    // The task learns the answer even when this dialog is gone by then.
    const QPointer<AgentRolloutDialog> dialog(this);
    const QPointer<BackgroundTask> listed = m_listed;
    client::AgentReleasesApi(*m_client).upgradeNodes(
        ids, m_release->currentData().toString(), m_share->value(),
        [dialog, listed, askedPassword, answered](Result<client::AgentRollout> r) mutable {
            const bool asksPassword = dialog && !askedPassword && !r &&
                                      r.error().code == ErrorCode::ReauthenticationRequired;
            if (listed && !asksPassword) {
                // Said again in a new language, long after this dialog.
                if (r)
                    listed->finish(r.value().failure.isEmpty() ? BackgroundTask::State::Done
                                                               : BackgroundTask::State::Failed,
                                   [rollout = r.value()] { return rolloutSummary(rollout); });
                else
                    listed->finish(BackgroundTask::State::Failed, [error = r.error()] {
                        return AgentRolloutDialog::tr("The upgrade did not start: %1")
                            .arg(describeApiError(error));
                    });
            }
            answered(std::move(r));
        });
}

void AgentRolloutDialog::listRollout(int nodes)
{
    // Asked for the password again: the same rollout, still listed.
    if (m_listed && m_listed->isRunning())
        return;
    m_listed = BackgroundTasks::of(this)->start(
        [release = m_release->currentText()] { return tr("Agent upgrade to %1").arg(release); },
        [] { return tr("Upgrading: the first node alone, then the next stages..."); });
    m_listed->setProgress(0, nodes);
}

void AgentRolloutDialog::showListedProgress()
{
    if (!m_listed)
        return;
    int ended = 0;
    for (const Outcome &outcome : std::as_const(m_outcomes))
        ended += outcome.kind != Outcome::Kind::Waiting ? 1 : 0;
    m_listed->setProgress(ended, m_outcomes.size());
}

void AgentRolloutDialog::askPassword()
{
    ReauthenticateDialog dialog(QString(), this, ReauthenticateDialog::Purpose::Rollout);
    // A wrong password is said in the dialog, which stays open for it.
    dialog.setClient(m_client);
    if (DialogSeam::exec(&dialog) != QDialog::Accepted || !m_client) {
        if (m_listed)
            m_listed->finish(BackgroundTask::State::Cancelled,
                             [] { return tr("Not started: the password was not given."); });
        m_outcomes.clear();
        fillNodes();
        emit rolloutFinished();
        return;
    }
    if (dialog.isConfirmed()) {
        run(true);
        return;
    }
    const bool totp = dialog.isTotpCode();
    // The secret lives in this call only.
    client::RemoteApi(*m_client).reauthenticate(
        dialog.takeSecret(), totp, client::within(this, [this](Result<void> r) {
            if (!r) {
                m_summaryLine->show(
                    [error = r.error()] {
                        return tr("The upgrade did not start: %1").arg(describeApiError(error));
                    },
                    MessageLine::Kind::Lasting);
                if (m_listed)
                    m_listed->finish(BackgroundTask::State::Failed, [error = r.error()] {
                        return tr("The upgrade did not start: %1").arg(describeApiError(error));
                    });
                emit rolloutFinished();
                return;
            }
            run(true);
        }));
}

void AgentRolloutDialog::nodeEnded(const QJsonObject &event)
{
    const QString nodeId = event.value(QStringLiteral("node_id")).toString();
    if (!m_running || !m_outcomes.contains(nodeId))
        return;
    Outcome outcome;
    if (event.value(QStringLiteral("ok")).toBool()) {
        outcome.kind = Outcome::Kind::Upgraded;
        outcome.version = event.value(QStringLiteral("version")).toString();
    } else {
        outcome.kind = Outcome::Kind::Failed;
        outcome.reason = event.value(QStringLiteral("reason")).toString();
        outcome.message = event.value(QStringLiteral("message")).toString();
    }
    setOutcome(nodeId, outcome);
    showListedProgress();
}

void AgentRolloutDialog::showAnswer(const client::AgentRollout &rollout)
{
    for (const QString &id : rollout.success)
        setOutcome(id, Outcome{Outcome::Kind::Upgraded, rollout.version, {}, {}});
    for (const QString &id : rollout.failure) {
        const client::RolloutError error = rollout.errors.value(id);
        setOutcome(id, Outcome{Outcome::Kind::Failed, {}, error.reason, error.message});
    }
    for (const QString &id : rollout.offline)
        setOutcome(id, Outcome{Outcome::Kind::Offline, {}, {}, {}});
    for (const QString &id : rollout.missing)
        setOutcome(id, Outcome{Outcome::Kind::Missing, {}, {}, {}});
    for (const QString &id : rollout.skipped)
        setOutcome(id, Outcome{Outcome::Kind::Skipped, {}, {}, {}});
    // Node versions changed: read them again.
    m_nodes.clear();
    if (m_client) {
        m_loading = true;
        loadNodes(1);
    }
    m_summaryLine->show([rollout] { return rolloutSummary(rollout); }, MessageLine::Kind::Lasting);
}

void AgentRolloutDialog::setOutcome(const QString &nodeId, const Outcome &outcome)
{
    m_outcomes.insert(nodeId, outcome);
    if (const int row = rowOf(nodeId); row >= 0)
        showOutcome(row, outcome);
}

void AgentRolloutDialog::showOutcome(int row, const Outcome &outcome)
{
    QTableWidgetItem *item = m_list->item(row, ResultColumn);
    if (!item)
        return;
    QString text;
    QString tip;
    switch (outcome.kind) {
    case Outcome::Kind::Waiting:
        text = tr("Waiting for its stage...");
        break;
    case Outcome::Kind::Upgraded:
        text = tr("Upgraded to %1").arg(outcome.version);
        break;
    case Outcome::Kind::Failed:
        text = outcome.reason == QLatin1String("ROLLED_BACK")
                   ? tr("Failed: rolled back to the old agent")
               : outcome.reason.isEmpty() ? tr("Failed")
                                          : tr("Failed (%1)").arg(outcome.reason);
        tip = outcome.message;
        break;
    case Outcome::Kind::Offline:
        text = tr("Offline: not tried");
        break;
    case Outcome::Kind::Missing:
        text = tr("Not found");
        break;
    case Outcome::Kind::Skipped:
        text = tr("Not tried: an earlier stage failed");
        break;
    }
    item->setText(text);
    item->setToolTip(tip);
}

void AgentRolloutDialog::updateButtons()
{
    const bool ready = m_client && !m_loading && !m_running && m_release->count() > 0;
    const int chosen = int(checkedNodeIds().size());
    m_start->setEnabled(ready && chosen > 0);
    m_start->setToolTip(chosen == 0 ? tr("Tick the nodes to upgrade first.") : QString());
    m_release->setEnabled(!m_running);
    m_share->setEnabled(!m_running);
    m_selectLabel->setEnabled(!m_running);
    m_stages->setText(stagesText());
}

QString AgentRolloutDialog::stagesText() const
{
    return tr("First one node, then %1 % of the rest, then the rest. The first failure stops "
              "the rollout.")
        .arg(m_share->value());
}

void AgentRolloutDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void AgentRolloutDialog::retranslateUi()
{
    setWindowTitle(tr("Upgrade agents"));
    m_intro->setText(tr("Choose the release and the nodes. Their agents are upgraded in stages "
                        "and each node's result shows as it ends."));
    m_releaseLabel->setText(tr("&Release:"));
    m_labelLabel->setText(tr("&Label:"));
    m_label->setPlaceholderText(tr("e.g. prod"));
    m_selectLabel->setText(tr("Select labelled"));
    m_selectLabel->setToolTip(tr("Tick exactly the nodes with this label."));
    m_list->setHorizontalHeaderLabels(
        {tr("Node"), tr("Labels"), tr("Status"), tr("Agent version"), tr("Result")});
    for (int row = 0; row < m_list->rowCount() && row < m_nodes.size(); ++row) {
        const QString status = m_nodes.at(row).status;
        m_list->item(row, StatusColumn)
            ->setText(status == QLatin1String("online")    ? tr("Online")
                      : status == QLatin1String("offline") ? tr("Offline")
                                                           : tr("Waiting for enrolment"));
        if (const auto found = m_outcomes.constFind(m_nodes.at(row).id);
            found != m_outcomes.cend())
            showOutcome(row, *found);
    }
    m_shareLabel->setText(tr("&Second stage:"));
    m_start->setText(tr("Start upgrade"));
    m_close->setText(tr("Close"));
    updateButtons();
}

} // namespace hm::app
