#include "dashboard/DashboardPage.h"

#include "connection/ServerConnection.h"
#include "dashboard/DashboardOverview.h"
#include "hivemind/Version.h"
#include "widgets/IconBadge.h"
#include "widgets/MissingValue.h"
#include "widgets/PageFrame.h"
#include "widgets/ServerErrorText.h"
#include "widgets/StatusIndicator.h"
#include "widgets/TextBaseline.h"

#include <QDir>
#include <QEvent>
#include <QFrame>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QScrollArea>
#include <QVBoxLayout>
#include <utility>

namespace hm::app {

namespace {

QFrame *createCard(QWidget *parent)
{
    auto *card = new QFrame(parent);
    card->setObjectName(QStringLiteral("card"));
    card->setFrameShape(QFrame::NoFrame);
    return card;
}

} // namespace

void DashboardPage::applySession(const Session &session)
{
    m_overview->setClient(session.signedInClient());
}

DashboardPage::DashboardPage(ServerConnection *connection, Heading heading, QWidget *parent)
    : QWidget(parent), m_connection(connection), m_heading(std::move(heading))
{
    setObjectName(QStringLiteral("page.dashboard"));

    // The title stays; the cards below it scroll when the window is
    // shorter than they are (a list of cards, like any list).
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    outer->setSpacing(0);
    const QMargins margins = pageMargins();
    const PageTitle title = createPageTitle(this);
    title.row->setContentsMargins(margins.left(), margins.top(), margins.right(), 8);
    m_title = title.title;
    m_subtitle = title.subtitle;
    outer->addLayout(title.row);
    auto *scroll = new QScrollArea(this);
    scroll->setObjectName(QStringLiteral("dashboard.cards"));
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    auto *content = new QWidget(scroll);
    content->setObjectName(QStringLiteral("dashboard.content"));
    content->setProperty("sectionPage", true);
    content->setAttribute(Qt::WA_StyledBackground, true);
    scroll->setWidget(content);
    outer->addWidget(scroll, 1);
    auto *layout = new QVBoxLayout(content);
    layout->setContentsMargins(margins.left(), 0, margins.right(), margins.bottom());
    layout->setSpacing(0);

    // The live overview (app/operations): fleet, alerts, executions, host.
    m_overview = new DashboardOverview(content);
    layout->addWidget(m_overview);
    layout->addSpacing(20);

    // Server card, last: what it says changes seldom (the status bar
    // says whether the console is connected).
    auto *serverCard = createCard(this);
    auto *serverLayout = new QVBoxLayout(serverCard);
    serverLayout->setContentsMargins(20, 16, 20, 16); // as the other cards'
    serverLayout->setSpacing(14);
    m_serverHeading = new QLabel(serverCard);
    m_serverHeading->setObjectName(QStringLiteral("cardTitle"));
    serverLayout->addWidget(m_serverHeading);

    auto *grid = new QGridLayout;
    grid->setHorizontalSpacing(32);
    grid->setVerticalSpacing(10);
    grid->setColumnStretch(1, 1);
    serverLayout->addLayout(grid);

    // Status row: a coloured dot in front of the text.
    m_statusCaption = new QLabel(serverCard);
    m_statusCaption->setObjectName(QStringLiteral("fieldCaption"));
    auto *statusBox = new QWidget(serverCard);
    auto *statusLayout = new QHBoxLayout(statusBox);
    statusLayout->setContentsMargins(0, 0, 0, 0);
    statusLayout->setSpacing(8);
    m_statusDot = createStatusIndicator(statusBox);
    m_status = new QLabel(statusBox);
    m_status->setObjectName(QStringLiteral("dashboard.status"));
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    statusLayout->addWidget(m_statusDot);
    statusLayout->addWidget(m_status, 1);
    grid->addWidget(m_statusCaption, 0, 0);
    grid->addWidget(statusBox, 0, 1);

    m_database = addRow(grid, 1, &m_databaseCaption, QStringLiteral("dashboard.database"));
    m_version = addRow(grid, 2, &m_versionCaption, QStringLiteral("dashboard.version"));
    m_api = addRow(grid, 3, &m_apiCaption, QStringLiteral("dashboard.apiVersion"));
    m_address = addRow(grid, 4, &m_addressCaption, QStringLiteral("dashboard.address"));
    m_mode = addRow(grid, 5, &m_modeCaption, QStringLiteral("dashboard.mode"));
    m_dataDir = addRow(grid, 6, &m_dataDirCaption, QStringLiteral("dashboard.dataDir"));
    // Captions and values on one baseline in every language (a Chinese
    // caption beside a Latin address or version sat lower, see
    // TextBaseline.h).
    auto *baselines = new BaselineKeeper(this);
    for (const auto &[caption, value] :
         {std::pair{m_statusCaption, m_status}, std::pair{m_databaseCaption, m_database},
          std::pair{m_versionCaption, m_version}, std::pair{m_apiCaption, m_api},
          std::pair{m_addressCaption, m_address}, std::pair{m_modeCaption, m_mode},
          std::pair{m_dataDirCaption, m_dataDir}})
        baselines->addRow({caption, value});
    layout->addWidget(serverCard);

    layout->addStretch(1);

    connect(m_connection, &ServerConnection::stateChanged, this, &DashboardPage::updateServerInfo);
    connect(m_connection, &ServerConnection::infoChanged, this, &DashboardPage::updateServerInfo);
    retranslateUi();
}

QLabel *DashboardPage::addRow(QGridLayout *grid, int row, QLabel **caption,
                              const QString &objectName)
{
    auto *parent = grid->parentWidget();
    *caption = new QLabel(parent);
    (*caption)->setObjectName(QStringLiteral("fieldCaption"));
    auto *value = new QLabel(parent);
    value->setObjectName(objectName);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    grid->addWidget(*caption, row, 0);
    grid->addWidget(value, row, 1);
    return value;
}

void DashboardPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void DashboardPage::retranslateUi()
{
    if (m_heading) {
        const auto [title, subtitle] = m_heading();
        m_title->setText(title);
        m_subtitle->setText(subtitle);
    }
    m_serverHeading->setText(tr("Server"));
    m_statusCaption->setText(tr("Status"));
    m_databaseCaption->setText(tr("Database"));
    m_versionCaption->setText(tr("Server version"));
    m_apiCaption->setText(tr("API version"));
    m_addressCaption->setText(tr("Address"));
    m_modeCaption->setText(tr("Mode"));
    m_dataDirCaption->setText(tr("Data directory"));
    updateServerInfo();
}

namespace {

// Server words for health and database state, in the user's language;
// unknown words are shown as the server sent them.
QString describeHealth(const QString &value)
{
    const QString v = value.toLower();
    if (v == QLatin1String("ok") || v == QLatin1String("healthy") || v == QLatin1String("up"))
        return DashboardPage::tr("Healthy");
    if (v == QLatin1String("degraded"))
        return DashboardPage::tr("Degraded");
    if (v == QLatin1String("down") || v == QLatin1String("unhealthy") ||
        v == QLatin1String("error"))
        return DashboardPage::tr("Unhealthy");
    return value;
}

QString describeDatabase(const QString &value)
{
    const QString v = value.toLower();
    if (v == QLatin1String("ok") || v == QLatin1String("up") || v == QLatin1String("open") ||
        v == QLatin1String("connected"))
        return DashboardPage::tr("Open (encrypted)");
    if (v == QLatin1String("down") || v == QLatin1String("error") ||
        v == QLatin1String("unavailable"))
        return DashboardPage::tr("Unavailable");
    return value;
}

} // namespace

void DashboardPage::updateServerInfo()
{
    const auto &info = m_connection->info();

    switch (m_connection->state()) {
    case ServerConnection::State::Idle:
    case ServerConnection::State::Starting:
        setStatusIndicator(m_statusDot, StatusTone::Pending);
        m_status->setText(m_connection->isLocal() ? tr("Starting the local server…")
                                                  : tr("Connecting to the server…"));
        break;
    case ServerConnection::State::Connected:
        setStatusIndicator(m_statusDot, describeHealth(info.status) == tr("Healthy")
                                            ? StatusTone::Good
                                            : StatusTone::Warning);
        m_status->setText(describeHealth(info.status));
        break;
    case ServerConnection::State::Failed:
        setStatusIndicator(m_statusDot, StatusTone::Bad);
        m_status->setText(
            tr("Failed: %1")
                .arg(describeServerError(m_connection->errorCode(), m_connection->errorMessage(),
                                         m_connection->dataDir(), m_connection->errorDetails())));
        break;
    }

    m_database->setText(info.database.isEmpty() ? missingValue() : describeDatabase(info.database));
    m_version->setText(orMissing(info.version));
    m_api->setText(orMissing(info.apiVersion));
    m_address->setText(m_connection->baseUrl().isEmpty() ? missingValue()
                                                         : m_connection->baseUrl().toString());
    // The data directory is this console's only for its own or the shared
    // server; a remote server's is on its own machine.
    const bool ownData = m_connection->isLocal() || m_connection->isShared();
    if (m_connection->isLocal())
        m_mode->setText(tr("Local — the server runs inside this console"));
    else if (m_connection->isShared())
        m_mode->setText(tr("Shared — the server already running on this data directory"));
    else
        m_mode->setText(tr("Remote — a server this console connects to"));
    m_dataDir->setText(ownData ? QDir::toNativeSeparators(m_connection->dataDir())
                               : missingValue());
    m_dataDirCaption->setVisible(ownData);
    m_dataDir->setVisible(ownData);
}

} // namespace hm::app
