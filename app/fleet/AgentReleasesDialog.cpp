#include "fleet/AgentReleasesDialog.h"

#include "client/ApiClient.h"
#include "client/Within.h"
#include "fleet/AgentRolloutDialog.h"
#include "widgets/ByteSizeText.h"
#include "widgets/ColumnAlignment.h"
#include "widgets/DateTimeText.h"
#include "widgets/MessageBox.h"
#include "widgets/ServerErrorText.h"

#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QRegularExpression>
#include <QTableWidget>
#include <QVBoxLayout>

namespace hm::app {

namespace {

constexpr int kReleaseIdRole = Qt::UserRole;
// The part of the SHA-256 an operator compares at a glance (the tooltip
// holds all of it).
constexpr int kShortSha = 12;

} // namespace

AgentReleasesDialog::AgentReleasesDialog(client::ApiClient *client, QStringList nodeIds,
                                         QWidget *parent)
    : QDialog(parent), m_client(client), m_nodeIds(std::move(nodeIds))
{
    setObjectName(QStringLiteral("agentReleasesDialog"));
    setMinimumSize(760, 460);
    auto *layout = new QVBoxLayout(this);
    m_intro = new QLabel(this);
    m_intro->setObjectName(QStringLiteral("agentReleases.intro"));
    m_intro->setWordWrap(true);
    layout->addWidget(m_intro);

    m_list = new QTableWidget(0, ColumnCount, this);
    m_list->setObjectName(QStringLiteral("agentReleases.list"));
    m_list->verticalHeader()->hide();
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_list->setAlternatingRowColors(true);
    m_list->setWordWrap(false);
    m_list->horizontalHeader()->setStretchLastSection(true);
    alignHeaderLikeCells(m_list->horizontalHeader());
    for (const int column : {ProtocolColumn, SizeColumn})
        alignNumberColumn(m_list, column);
    m_list->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    layout->addWidget(m_list, 1);
    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("agentReleases.state"));
    m_state->setWordWrap(true);
    m_state->setProperty("hmStyle", QStringLiteral("muted"));
    layout->addWidget(m_state);

    auto *uploadRow = new QHBoxLayout;
    m_versionLabel = new QLabel(this);
    m_version = new QLineEdit(this);
    m_version->setObjectName(QStringLiteral("agentReleases.version"));
    m_version->setMaxLength(40);
    m_versionLabel->setBuddy(m_version);
    m_uploadButton = new QPushButton(this);
    m_uploadButton->setObjectName(QStringLiteral("agentReleases.upload"));
    m_progress = new QProgressBar(this);
    m_progress->setObjectName(QStringLiteral("agentReleases.progress"));
    m_progress->setVisible(false);
    uploadRow->addWidget(m_versionLabel);
    uploadRow->addWidget(m_version);
    uploadRow->addWidget(m_uploadButton);
    uploadRow->addWidget(m_progress, 1);
    layout->addLayout(uploadRow);
    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("agentReleases.message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setVisible(false);
    layout->addWidget(m_message);
    m_messageLine = new MessageLine(this, [this](const QString &text, MessageLine::Kind) {
        m_message->setText(text);
        m_message->setVisible(!text.isEmpty());
    });

    auto *buttons = new QHBoxLayout;
    m_rollout = new QPushButton(this);
    m_rollout->setObjectName(QStringLiteral("agentReleases.rollout"));
    m_rollout->setProperty("primary", true);
    m_close = new QPushButton(this);
    m_close->setObjectName(QStringLiteral("agentReleases.close"));
    buttons->addWidget(m_rollout);
    buttons->addStretch(1);
    buttons->addWidget(m_close);
    layout->addLayout(buttons);

    m_upload = new client::ReleaseUpload(client, this);
    connect(m_upload, &client::ReleaseUpload::progress, this, [this](qint64 sent, qint64 total) {
        // Percent: a 128 MiB build does not fit a QProgressBar's int.
        m_progress->setMaximum(100);
        m_progress->setValue(total > 0 ? int(sent * 100 / total) : 0);
    });
    connect(m_uploadButton, &QPushButton::clicked, this, &AgentReleasesDialog::uploadBuild);
    connect(m_version, &QLineEdit::returnPressed, this, &AgentReleasesDialog::uploadBuild);
    connect(m_rollout, &QPushButton::clicked, this, &AgentReleasesDialog::openRollout);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);
    connect(m_list, &QTableWidget::itemSelectionChanged, this,
            &AgentReleasesDialog::updateButtons);
    retranslateUi();
    reload();
}

void AgentReleasesDialog::reload()
{
    if (!m_client)
        return;
    m_loading = true;
    showState();
    updateButtons();
    client::AgentReleasesApi(*m_client).releases(
        client::within(this, [this](Result<QList<client::AgentRelease>> r) {
            m_loading = false;
            if (r) {
                m_loadError.reset();
                m_releases = r.value();
            } else {
                m_loadError = r.error();
            }
            fill();
            showState();
            updateButtons();
            emit loaded();
        }));
}

void AgentReleasesDialog::fill()
{
    const QString keep = selectedReleaseId();
    m_list->setRowCount(0);
    const QLocale locale;
    for (const client::AgentRelease &release : std::as_const(m_releases)) {
        const int row = m_list->rowCount();
        m_list->insertRow(row);
        const auto cell = [&](int column, const QString &text, const QString &tip = {}) {
            auto *item = new QTableWidgetItem(text);
            item->setData(kReleaseIdRole, release.id);
            if (column == ProtocolColumn || column == SizeColumn)
                item->setTextAlignment(kNumberColumn);
            if (!tip.isEmpty())
                item->setToolTip(tip);
            m_list->setItem(row, column, item);
        };
        cell(VersionColumn, release.version,
             tr("%1 for %2/%3").arg(release.version, release.os, release.arch));
        cell(ProtocolColumn, locale.toString(release.protocol));
        cell(SizeColumn, ByteSizeText::format(release.size));
        cell(ShaColumn, release.sha256.left(kShortSha), release.sha256);
        cell(UploadedColumn, dateTimeText(release.createdAt.toLocalTime()));
        cell(SourceColumn, release.builtIn ? tr("Built in") : tr("Uploaded"),
             release.builtIn ? tr("The agent built with this server, offered without an upload.")
                             : tr("Uploaded by an administrator."));
        if (release.id == keep)
            m_list->selectRow(row);
    }
    if (m_list->selectedItems().isEmpty() && m_list->rowCount() > 0)
        m_list->selectRow(0);
}

void AgentReleasesDialog::showState()
{
    QString text;
    if (m_loading)
        text = tr("Reading the releases...");
    else if (m_loadError)
        text = tr("The releases could not be read: %1").arg(describeApiError(*m_loadError));
    else if (m_releases.isEmpty())
        text = tr("No agent releases yet. Upload a build of hivemind-agent, or run the server "
                  "next to the agent it was built with: it offers that one by itself.");
    m_state->setText(text);
    m_state->setVisible(!text.isEmpty());
}

void AgentReleasesDialog::showError(MessageLine::Text text)
{
    m_messageLine->show(std::move(text), MessageLine::Kind::Lasting);
}

void AgentReleasesDialog::clearMessage()
{
    m_messageLine->clear();
}

QString AgentReleasesDialog::selectedReleaseId() const
{
    const QList<QTableWidgetItem *> items = m_list->selectedItems();
    return items.isEmpty() ? QString() : items.first()->data(kReleaseIdRole).toString();
}

void AgentReleasesDialog::uploadBuild()
{
    if (!m_client || m_upload->isRunning())
        return;
    const QString version = m_version->text().trimmed();
    static const QRegularExpression dotted(QStringLiteral("^\\d+(\\.\\d+){0,3}$"));
    if (!dotted.match(version).hasMatch()) {
        showError([=]() -> QString {
            return tr("Type the build's version first, dotted numbers such as 1.4.0.");
        });
        m_version->setFocus();
        return;
    }
    QFileDialog picker(this, tr("Choose the agent build"));
    picker.setObjectName(QStringLiteral("agentReleases.fileDialog"));
    picker.setFileMode(QFileDialog::ExistingFile);
    if (DialogSeam::exec(&picker) != QDialog::Accepted || picker.selectedFiles().isEmpty())
        return;
    clearMessage();
    m_progress->setValue(0);
    m_progress->setVisible(true);
    updateButtons();
    m_upload->start(picker.selectedFiles().constFirst(), version,
                    client::within(this, [this](Result<client::AgentRelease> r) {
                        // Answered 201: every byte arrived, whatever the
                        // last progress report said.
                        if (r)
                            m_progress->setValue(100);
                        m_progress->setVisible(false);
                        updateButtons();
                        if (!r) {
                            showError([=]() -> QString {
                                return tr("The build was not uploaded: %1")
                                    .arg(describeApiError(r.error()));
                            });
                            emit uploadFinished(false);
                            return;
                        }
                        m_version->clear();
                        showError([=]() -> QString {
                            return tr("Version %1 was uploaded and signed.").arg(r.value().version);
                        });
                        reload();
                        emit uploadFinished(true);
                    }));
    updateButtons();
}

void AgentReleasesDialog::openRollout()
{
    if (!m_client || m_releases.isEmpty())
        return;
    AgentRolloutDialog rollout(m_client, m_releases, selectedReleaseId(), m_nodeIds, this);
    DialogSeam::exec(&rollout);
}

void AgentReleasesDialog::updateButtons()
{
    const bool uploading = m_upload && m_upload->isRunning();
    m_uploadButton->setEnabled(m_client && !uploading);
    m_version->setEnabled(!uploading);
    m_rollout->setEnabled(m_client && !m_releases.isEmpty());
    m_rollout->setToolTip(m_releases.isEmpty()
                              ? tr("There is no release to upgrade to yet.")
                              : tr("Upgrade many nodes' agents to the selected release, in "
                                   "stages."));
}

void AgentReleasesDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void AgentReleasesDialog::retranslateUi()
{
    setWindowTitle(tr("Agent releases"));
    m_intro->setText(tr("The agent builds this server offers to its nodes. Each is signed with "
                        "the server's release key; agents install only builds signed with the "
                        "key they received at enrolment."));
    m_list->setHorizontalHeaderLabels({tr("Version"), tr("Protocol"), tr("Size"), tr("SHA-256"),
                                       tr("Added"), tr("Source")});
    m_versionLabel->setText(tr("&Version:"));
    m_version->setPlaceholderText(tr("e.g. 1.4.0"));
    m_uploadButton->setText(tr("Upload build..."));
    m_uploadButton->setToolTip(tr("Choose a hivemind-agent binary (up to 128 MiB) to offer as "
                                  "this version."));
    m_rollout->setText(tr("Upgrade agents..."));
    m_close->setText(tr("Close"));
    fill();
    showState();
    updateButtons();
}

} // namespace hm::app
