#pragma once

#include "client/ApiTypes.h"
#include "common/Result.h"
#include "widgets/LocalizedText.h"
#include "widgets/SectionPage.h"

#include <QPointer>
#include <QWidget>
#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;
class QTreeWidget;
class QTreeWidgetItem;
class QJsonValue;

namespace hm::client {
class ApiClient;
struct ComponentInfo;
} // namespace hm::client

namespace hm::app {

class SectionEmptyState;

class ComponentListModel;
class MessageLine;
class ComponentSortModel;
class LiveEvents;

// The Components section (issue 13, item 6): every component version with
// its kind, status, health and endpoints; the selected one's interface
// (input and output ports with their schemas) and config schema as a tree,
// with the flow versions using it; registering an HTTP component service
// by its endpoint URL (and optionally one component name), and deprecating
// or reactivating a registered version. Each row shows the component's
// display name (else its name), icon and category; the detail shows its
// description, and administrators edit those name-level fields in
// ComponentDetailsDialog or give them with a named registration. Registering and deprecating are
// for administrators: for anyone else they are off, and say why.
class ComponentsPage final : public QWidget, public SectionPage
{
    Q_OBJECT

public:
    explicit ComponentsPage(QWidget *parent = nullptr);
    ~ComponentsPage() override;

    // The signed-in session (null client: nobody signed in).
    void setSession(client::ApiClient *client, const client::UserInfo &user);

    // SectionPage: setSession() with the signed-in client, once per sign-in.
    QWidget *widget() override { return this; }
    void applySession(const Session &session) override
    {
        if (m_signIn.changed(session))
            setSession(session.signedIn ? session.client : nullptr, session.user);
    }
    bool wantsSignedInGate() const override { return false; }
    ComponentListModel *model() const { return m_model; }
    QTableView *view() const { return m_view; }
    // The view's model: m_model sorted by the clicked column.
    ComponentSortModel *sortedModel() const { return m_sorted; }
    // Selects a version's row (false when it is not listed).
    bool select(const QString &name, const QString &version);
    // /ws/events is open (other consoles' changes are followed).
    bool isLive() const;

public slots:
    void reload();
    void registerEndpoint();
    void toggleDeprecated();
    // The selected component's name-level fields in ComponentDetailsDialog.
    void editDetails();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateActions();
    void showState();
    void showDetail();
    void fitColumns();
    // The result of a registration: an error or "Checking…" stays, a
    // success passes (widgets/MessageLine); it follows the language.
    void showRegisterMessage(std::function<QString()> text, bool error);
    const client::ComponentInfo *selected() const;
    QString errorText(const hm::Error &error) const;
    void addPorts(QTreeWidgetItem *parent, const QJsonArray &ports, bool inputs);
    // A schema (and what it holds) as rows: properties in the order their
    // author wrote them, without the propertyOrder that keeps it
    // (flow::schemaorder::shownMembers). `propertiesMap`: `value` is a map
    // of property names to schemas.
    static void addJson(QTreeWidgetItem *parent, const QJsonValue &value,
                        bool propertiesMap = false);

    QPointer<client::ApiClient> m_client;
    client::UserInfo m_me;
    ComponentListModel *m_model = nullptr;
    ComponentSortModel *m_sorted = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QLabel *m_registerLabel = nullptr;
    QLineEdit *m_endpoint = nullptr;
    QLineEdit *m_name = nullptr;
    // The name-level fields of a named registration (optional).
    QLineEdit *m_registerDisplayName = nullptr;
    QComboBox *m_registerCategory = nullptr;
    QComboBox *m_registerIcon = nullptr;
    QLineEdit *m_registerDescription = nullptr;
    QPushButton *m_register = nullptr;
    QPushButton *m_reload = nullptr;
    QLabel *m_registerMessage = nullptr;
    bool m_registerMessageIsError = false;
    MessageLine *m_registerLine = nullptr;
    QTableView *m_view = nullptr;
    QStackedWidget *m_listStack = nullptr;
    SectionEmptyState *m_empty = nullptr;
    QLabel *m_state = nullptr;
    QWidget *m_detail = nullptr;
    QLabel *m_detailIcon = nullptr;
    QLabel *m_detailTitle = nullptr;
    QLabel *m_detailInfo = nullptr;
    QLabel *m_usage = nullptr;
    QTreeWidget *m_interface = nullptr;
    QPushButton *m_deprecate = nullptr;
    QPushButton *m_editDetails = nullptr;
    LocalizedText m_message; // the state line's error, said in the language shown
    // Usage of the selected version, as the server last answered.
    QString m_usageKey;
    int m_usageCount = -1;
    bool m_busy = false;
    LiveEvents *m_live = nullptr;
    SignInTracker m_signIn;
};

} // namespace hm::app
