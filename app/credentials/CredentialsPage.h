#pragma once

#include "client/ApiTypes.h"
#include "client/CredentialsApi.h"
#include "widgets/LocalizedText.h"
#include "widgets/SectionPage.h"

#include <QHash>
#include <QPointer>
#include <QWidget>
#include <functional>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QStackedWidget;
class QTableView;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

class CredentialListModel;
class KeyStatusPanel;
class LiveEvents;
class MessageLine;
class SectionHeader;

// The Credentials section (issue 13, item 6): the lazy list of the
// credentials the signed-in user may see (search by name, filter by type),
// New / Edit (CredentialDialog), Test (with a URL for the HTTP types, the
// result shown under the actions), Delete (confirmed; a credential still in
// use lists its users), and for administrators the data key's status and
// rotation (KeyStatusPanel). Other consoles' changes arrive on /ws/events
// (credential_created / _updated / _deleted carry the id; the page reads
// the credential again as its user). Viewers look only; changing someone else's
// credential is off with the reason. The console never shows a secret.
class CredentialsPage final : public QWidget, public SectionPage
{
    Q_OBJECT

public:
    explicit CredentialsPage(QWidget *parent = nullptr);
    ~CredentialsPage() override;

    void setSession(client::ApiClient *client, const client::UserInfo &user);

    // SectionPage: setSession() with the signed-in client, once per sign-in.
    QWidget *widget() override { return this; }
    void applySession(const Session &session) override
    {
        if (m_signIn.changed(session))
            setSession(session.signedIn ? session.client : nullptr, session.user);
    }
    bool wantsSignedInGate() const override { return false; }
    CredentialListModel *model() const { return m_model; }
    KeyStatusPanel *keyPanel() const { return m_keyPanel; }
    // The line under the list (how many rows, a request's outcome); not the
    // status bar's (SectionPage::stateText is for long work only).
    QString listStateText() const;
    QString testResultText() const;
    // Whether other consoles' changes arrive (/ws/events is open).
    bool isLive() const;

signals:
    // A service in a credential's "Used by" list was opened (the dialog
    // closes); the main window shows the Services section.
    void serviceRequested(const QString &serviceId);

public slots:
    void reload();
    void createCredential();
    void editSelected();
    void testSelected();
    void deleteSelected();

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void updateActions();
    void showState();
    const client::CredentialInfo *selected() const;
    bool mayChange(const client::CredentialInfo &credential) const;
    bool isAdmin() const;
    // `what` makes the sentence (with %1 for the reason) in the language shown.
    void failed(std::function<QString()> what, const hm::Error &error);
    enum class TestTone
    {
        Good,
        Busy,
        Bad,
    };
    // The line beside Test (widgets/MessageLine): follows the language.
    void showTestResult(std::function<QString()> text, TestTone tone);
    void applyEvent(const QString &type, const QJsonObject &data);

    QPointer<client::ApiClient> m_client;
    client::UserInfo m_me;
    CredentialListModel *m_model = nullptr;
    LiveEvents *m_live = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QLineEdit *m_search = nullptr;
    SectionHeader *m_header = nullptr;
    QComboBox *m_typeFilter = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_create = nullptr;
    QPushButton *m_edit = nullptr;
    QPushButton *m_test = nullptr;
    QPushButton *m_delete = nullptr;
    QLabel *m_testResult = nullptr;
    MessageLine *m_testLine = nullptr;
    QStackedWidget *m_content = nullptr;
    QTableView *m_view = nullptr;
    QWidget *m_emptyPanel = nullptr;
    QLabel *m_emptyTitle = nullptr;
    QLabel *m_emptyText = nullptr;
    QPushButton *m_emptyAction = nullptr;
    QLabel *m_state = nullptr;
    KeyStatusPanel *m_keyPanel = nullptr;
    QLabel *m_keyAdminsOnly = nullptr;
    LocalizedText m_message;            // the state line's error, said in the language shown
    QHash<QString, QString> m_testUrls; // last URL per credential id
    SignInTracker m_signIn;
};

} // namespace hm::app
