#pragma once

#include "widgets/SectionPage.h"

#include <QWidget>
#include <functional>
#include <utility>

class QGridLayout;
class QLabel;

namespace hm::app {

class DashboardOverview;
class ServerConnection;

// The dashboard: the server this console is connected to (status, database,
// versions, address) as read through the API, and an honest placeholder for
// the overview that later versions fill in.
class DashboardPage : public QWidget, public SectionPage
{
    Q_OBJECT

public:
    // `heading` gives the page's title and subtitle in the current language
    // (the section table's row for it: the shell knows the page's section,
    // the page does not know the shell).
    using Heading = std::function<std::pair<QString, QString>()>;
    DashboardPage(ServerConnection *connection, Heading heading, QWidget *parent = nullptr);
    // The live part (app/operations): host metrics, executions, failures.
    DashboardOverview *overview() const { return m_overview; }

    // SectionPage: the live overview reads with the signed-in client.
    QWidget *widget() override { return this; }
    void applySession(const Session &session) override;
    bool wantsSignedInGate() const override { return false; }
    bool isLive() const override { return true; }

protected:
    void changeEvent(QEvent *event) override;

private:
    QLabel *addRow(QGridLayout *grid, int row, QLabel **caption, const QString &objectName);
    void retranslateUi();
    void updateServerInfo();

    ServerConnection *m_connection;
    Heading m_heading;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QLabel *m_serverHeading = nullptr;
    QLabel *m_statusDot = nullptr;
    QLabel *m_statusCaption = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_databaseCaption = nullptr;
    QLabel *m_database = nullptr;
    QLabel *m_versionCaption = nullptr;
    QLabel *m_version = nullptr;
    QLabel *m_apiCaption = nullptr;
    QLabel *m_api = nullptr;
    QLabel *m_addressCaption = nullptr;
    QLabel *m_address = nullptr;
    QLabel *m_modeCaption = nullptr;
    QLabel *m_mode = nullptr;
    QLabel *m_dataDirCaption = nullptr;
    QLabel *m_dataDir = nullptr;
    DashboardOverview *m_overview = nullptr;
};

} // namespace hm::app
