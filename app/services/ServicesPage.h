#pragma once

#include "client/ApiTypes.h"
#include "client/ServicesApi.h"
#include "widgets/LocalizedText.h"
#include "widgets/SectionPage.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTreeWidget;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

class LiveEvents;
class SectionHeader;
class ServiceListModel;
class ServiceSchemaTree;

// The Services section (issue 13, item 6; seed 003 §7.4, §15): the lazy
// list of external services (status, name, base URL, endpoint count, linked
// credential; search by name), New (ServiceWizard: details, probe through
// the preview route, register), Refresh schema (SchemaRefreshDialog: the
// dry run's diff, Apply), Test (ServiceTestDialog), Add endpoint
// (EndpointDialog, for services without a document) and Delete (confirmed).
// The selected service's endpoints (removed ones greyed and marked) with
// the schema viewer of the selected endpoint. Edit (ServiceEditDialog: name,
// description, base URL, schema URL, credential; also by double-click and
// the list's context menu). Viewers look only; changing someone else's
// service is for administrators, and the buttons say why. Other consoles'
// changes (service_* on /ws/events) update the rows as they come; the open
// detail is read again, or says that its service was deleted. A credential
// renamed, shared, made private or deleted elsewhere (credential_*) reads
// the linked credentials' names again.
class ServicesPage final : public QWidget, public SectionPage
{
    Q_OBJECT

public:
    explicit ServicesPage(QWidget *parent = nullptr);
    ~ServicesPage() override;

    void setSession(client::ApiClient *client, const client::UserInfo &user);

    // SectionPage: setSession() with the signed-in client, once per sign-in.
    QWidget *widget() override { return this; }
    void applySession(const Session &session) override
    {
        if (m_signIn.changed(session))
            setSession(session.signedIn ? session.client : nullptr, session.user);
    }
    bool wantsSignedInGate() const override { return false; }
    bool openItem(const QString &serviceId) override;
    ServiceListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    QTreeWidget *endpointList() const { return m_endpoints; }
    ServiceSchemaTree *schemaTree() const { return m_schema; }
    // The line under the list (how many rows, a request's outcome); not the
    // status bar's (SectionPage::stateText is for long work only).
    QString listStateText() const;
    // The selected service as last read with its endpoints (null while
    // none is selected or it is being read).
    const client::ServiceInfo *detail() const;
    bool select(const QString &id);
    bool selectEndpoint(const QString &method, const QString &path);
    // Selects the service, reading more pages until it is listed (or the
    // list ends); shows it in the detail. For the credential's "Used by".
    void showService(const QString &id);
    // /ws/events is open (other consoles' changes are followed).
    bool isLive() const;

public slots:
    void reload();
    void createService();
    void refreshSchema();
    void testService();
    void addEndpoint();
    void deleteSelected();
    void editService();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateActions();
    void showState();
    void loadDetail();
    void showDetail();
    void showEndpoint();
    void loadCredentialNames();
    const client::ServiceInfo *selected() const;
    bool mayChange(const client::ServiceInfo &service) const;
    bool isAdmin() const;
    bool isViewer() const;
    // `what` makes the sentence (with %1 for the reason) in the language shown.
    void failed(std::function<QString()> what, const hm::Error &error);
    // The outcome of the last action, shown in the state line for a while.
    void setNotice(LocalizedText notice);
    void applyEvent(const QString &type, const QJsonObject &data);
    void showContextMenu(const QPoint &pos);
    void selectWhenListed();

    QPointer<client::ApiClient> m_client;
    client::UserInfo m_me;
    ServiceListModel *m_model = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QLineEdit *m_search = nullptr;
    SectionHeader *m_header = nullptr;
    QPushButton *m_reload = nullptr;
    QPushButton *m_create = nullptr;
    QPushButton *m_refreshSchema = nullptr;
    QPushButton *m_test = nullptr;
    QPushButton *m_addEndpoint = nullptr;
    QPushButton *m_delete = nullptr;
    QPushButton *m_edit = nullptr;
    LiveEvents *m_live = nullptr;
    // The selected service was deleted (by another console): its name, for
    // the detail until another one is selected.
    QString m_deletedName;
    QString m_pendingSelect; // showService() waiting for its row
    QStackedWidget *m_content = nullptr;
    QWidget *m_listPanel = nullptr;
    QTableView *m_view = nullptr;
    QWidget *m_emptyPanel = nullptr;
    QLabel *m_emptyTitle = nullptr;
    QLabel *m_emptyText = nullptr;
    QPushButton *m_emptyAction = nullptr;
    QLabel *m_detailTitle = nullptr;
    QLabel *m_detailInfo = nullptr;
    QLabel *m_endpointsTitle = nullptr;
    QTreeWidget *m_endpoints = nullptr;
    QLabel *m_schemaTitle = nullptr;
    ServiceSchemaTree *m_schema = nullptr;
    QLabel *m_state = nullptr;
    LocalizedText m_message; // the state line's error, said in the language shown
    LocalizedText m_notice;  // the last action's outcome (good); it passes
    QTimer m_noticeExpiry;
    std::optional<client::ServiceInfo> m_detail;
    QString m_detailError;
    quint64 m_detailGeneration = 0;
    QHash<QString, QString> m_credentialNames;
    quint64 m_credentialGeneration = 0; // the newest loadCredentialNames()
    SignInTracker m_signIn;
};

} // namespace hm::app
