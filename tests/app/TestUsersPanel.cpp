// The Users section (issue 12, items 3 and 7) against a real in-process
// server over loopback: an ADMIN creates a VIEWER through the user dialog
// (with its role matrix); a second console signed in as that VIEWER shows
// the Users tab read-only (and says so), every action off with the reason,
// and the server's 403 explained when the list is forced; the lazy paged
// model with more users than a page under QAbstractItemModelTester, with
// search, role filter and sort; suspend, unlock, reset password and delete
// through the modal seam; the language switch. With HIVEMIND_SCREENSHOT_DIR
// set, `screenshots` saves the section in en, zh_TW and zh_CN.

#include "AdminTestSupport.h"
#include "FieldCheckSupport.h"
#include "SectionWindow.h"
#include "admin/ApiKeysPanel.h"
#include "admin/ResetPasswordDialog.h"
#include "admin/UserDialog.h"
#include "admin/UserListModel.h"
#include "admin/UsersPage.h"
#include "admin/UsersPanel.h"
#include "client/EventStream.h"
#include "client/UsersApi.h"
#include "shell/MainWindow.h"
#include "widgets/MessageBox.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QHeaderView>
#include <QInputDialog>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>

using namespace hm::app;
using hm::test::SectionWindow;
using namespace admintest;

namespace {

const QString kPassword = QStringLiteral("Start#Pass2026");

int rowNamed(const UserListModel *model, const QString &username)
{
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->user(row)->username == username)
            return row;
    }
    return -1;
}

} // namespace

class TestUsersPanel : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void adminCreatesAViewerThroughTheDialog();
    void viewerConsoleIsReadOnlyAndExplains403();
    void modelPagesSearchesFiltersAndSorts();
    void suspendUnlockResetAndDelete();
    void anotherConsolesChangesArriveLive();
    void dialogTakesLettersOfAnyScript();
    void dialogQuietUntilTouched();
    void serverRefusalStaysAtItsField();
    void retranslates();
    void roleMatrixTextIsWhole();
    void columnsGiveTheRoomToNames();
    void screenshots();

private:
    AdminServer m_server;
};

void TestUsersPanel::initTestCase()
{
    QVERIFY(m_server.start("TestUsersPanel"));
}

void TestUsersPanel::cleanup()
{
    MessageBox::setNextAnswer(QMessageBox::NoButton);
    DialogSeam::setNextHandler({});
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

void TestUsersPanel::cleanupTestCase()
{
    m_server.stop();
}

void TestUsersPanel::adminCreatesAViewerThroughTheDialog()
{
    UsersPage page;
    page.setSession(m_server.connection->client(), m_server.admin);
    UsersPanel *panel = page.usersPanel();
    QVERIFY(!panel->isReadOnly());
    QTRY_COMPARE_WITH_TIMEOUT(panel->model()->state(), UserListModel::State::Ready, 15000);
    QVERIFY(!child<QLabel>(&page, "users.readOnly")->isVisibleTo(panel));

    QString matrixRole;
    int matrixRows = 0;
    bool requireChangeOffered = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        if (dialog->objectName() != QLatin1String("users.dialog"))
            return int(QDialog::Rejected);
        dialog->show();
        auto *ok = child<QPushButton>(dialog, "users.ok");
        child<QLineEdit>(dialog, "users.username")->setText(QStringLiteral("v!"));
        // Checked as typed.
        if (child<QLabel>(dialog, "users.usernameError")->text().isEmpty() || ok->isEnabled())
            return int(QDialog::Rejected);
        child<QLineEdit>(dialog, "users.username")->setText(QStringLiteral("vera"));
        child<QLineEdit>(dialog, "users.email")->setText(QStringLiteral("vera@example.test"));
        child<QLineEdit>(dialog, "users.fullName")->setText(QStringLiteral("Vera Viewer"));
        auto *role = child<QComboBox>(dialog, "users.role");
        role->setCurrentIndex(role->findData(QStringLiteral("viewer")));
        requireChangeOffered = child<QCheckBox>(dialog, "users.requirePasswordChange")->isChecked();
        auto *matrix = child<QTableWidget>(dialog, "users.roleMatrix");
        matrixRole = matrix->horizontalHeaderItem(2)->text();
        matrixRows = matrix->rowCount();
        // A password the policy refuses: said at the field, the dialog stays.
        child<QLineEdit>(dialog, "users.password")->setText(QStringLiteral("short"));
        ok->click();
        auto *passwordError = child<QLabel>(dialog, "users.passwordError");
        (void)QTest::qWaitFor([&] { return !passwordError->text().isEmpty(); }, 15000);
        if (!passwordError->isVisibleTo(dialog) ||
            !passwordError->text().contains(QLatin1String("password policy")))
            return int(QDialog::Rejected);
        child<QLineEdit>(dialog, "users.password")->setText(kPassword);
        ok->click();
        (void)QTest::qWaitFor([dialog] { return dialog->result() == QDialog::Accepted; }, 15000);
        return dialog->result();
    });
    child<QPushButton>(&page, "users.create")->click();
    QCOMPARE(matrixRole, QStringLiteral("Viewer"));
    QVERIFY(matrixRows >= 8);
    QTRY_VERIFY_WITH_TIMEOUT(rowNamed(panel->model(), QStringLiteral("vera")) >= 0, 15000);
    const int row = rowNamed(panel->model(), QStringLiteral("vera"));
    QCOMPARE(panel->model()->user(row)->role, QStringLiteral("viewer"));
    QCOMPARE(panel->model()->data(panel->model()->index(row, UserListModel::RoleColumn)),
             QVariant(QStringLiteral("Viewer")));
    // The server has her as a viewer.
    auto users = await<hm::client::Page<hm::client::UserInfo>>([&](auto done) {
        hm::client::UserFilter filter;
        filter.search = QStringLiteral("vera");
        hm::client::UsersApi(*m_server.connection->client()).list(filter, done);
    });
    QVERIFY(users.ok());
    QCOMPARE(users.value().items.size(), 1);
    QCOMPARE(users.value().items.first().role, QStringLiteral("viewer"));
    // The password the administrator typed must be changed at her first
    // sign-in (the dialog's default, issue 34, item 17).
    QVERIFY(requireChangeOffered);
    QVERIFY(users.value().items.first().passwordChangeRequired);
    // The tests below sign in as her with that password: a reset without
    // the option lifts the requirement.
    auto reset = await<void>([&](auto done) {
        hm::client::UsersApi(*m_server.connection->client())
            .resetPassword(users.value().items.first().id, kPassword, false, done);
    });
    QVERIFY(reset.ok());
}

void TestUsersPanel::viewerConsoleIsReadOnlyAndExplains403()
{
    hm::client::UserInfo vera;
    auto client = m_server.signIn(QStringLiteral("vera"), kPassword, &vera);
    QVERIFY2(client, "vera is made by the test before");
    UsersPage page;
    page.setSession(client.get(), vera);
    UsersPanel *panel = page.usersPanel();
    QVERIFY(panel->isReadOnly());
    // Read-only, and it says so: the banner, the tab's title, the reasons.
    auto *banner = child<QLabel>(&page, "users.readOnly");
    QVERIFY(banner->isVisibleTo(panel));
    QVERIFY(banner->text().startsWith(QLatin1String("Read-only")));
    QVERIFY(banner->text().contains(QLatin1String("Viewer")));
    QCOMPARE(page.tabs()->tabText(0), QStringLiteral("Users (read-only)"));
    QCOMPARE(page.tabs()->currentWidget(), static_cast<QWidget *>(page.apiKeysPanel()));
    QCOMPARE(panel->model()->state(), UserListModel::State::Idle); // nothing asked
    for (const char *name : {"users.create", "users.edit", "users.suspend", "users.unlock",
                             "users.resetPassword", "users.delete"}) {
        auto *button = child<QPushButton>(&page, name);
        QVERIFY2(!button->isEnabled(), name);
        QCOMPARE(button->toolTip(), QStringLiteral("Only administrators may do this; you are "
                                                   "signed in as Viewer."));
    }
    // Forced anyway: the server's 403, explained.
    panel->reload();
    QTRY_COMPARE_WITH_TIMEOUT(panel->model()->state(), UserListModel::State::Failed, 15000);
    QVERIFY(panel->model()->lastError().code == hm::ErrorCode::InsufficientPermissions ||
            panel->model()->lastError().code == hm::ErrorCode::Forbidden);
    QCOMPARE(panel->stateText(),
             QStringLiteral("The users could not be read: The server refused this: your role "
                            "(Viewer) may not do it. Ask an administrator."));

    // A whole console signed in as the viewer: its Users section says the same.
    auto login = await<hm::client::LoginResult>([&](auto done) {
        m_server.connection->client()->login(QStringLiteral("vera"), kPassword, done);
    });
    QVERIFY(login.ok());
    m_server.connection->setSignedIn(login.value().user);
    {
        MainWindow::Options options;
        options.persistSettings = false;
        MainWindow window(m_server.languages.get(), m_server.connection.get(), options);
        QVERIFY(window.selectSection(QStringLiteral("users")));
        auto *consolePage = window.findChild<UsersPage *>(QStringLiteral("page.users"));
        QVERIFY(consolePage);
        QVERIFY(consolePage->usersPanel()->isReadOnly());
        QCOMPARE(consolePage->tabs()->tabText(0), QStringLiteral("Users (read-only)"));
        QVERIFY(!child<QPushButton>(consolePage, "users.create")->isEnabled());
        QVERIFY(child<QPushButton>(consolePage, "users.myAccount")->isEnabled());
        QVERIFY(child<QAction>(&window, "action.myAccount")->isEnabled());
        // Her keys tab is open: she may look, not create.
        QCOMPARE(consolePage->tabs()->currentWidget(),
                 static_cast<QWidget *>(consolePage->apiKeysPanel()));
        QVERIFY(!child<QPushButton>(consolePage, "apikeys.create")->isEnabled());
    }
    // The administrator again, for the tests after this one.
    auto admin = await<hm::client::LoginResult>([&](auto done) {
        m_server.connection->client()->login(QStringLiteral("admin"), m_server.adminPassword, done);
    });
    QVERIFY(admin.ok());
    m_server.connection->setSignedIn(admin.value().user);
}

void TestUsersPanel::modelPagesSearchesFiltersAndSorts()
{
    for (int i = 0; i < 23; ++i) {
        const QString name = QStringLiteral("bulk%1").arg(i, 2, 10, QLatin1Char('0'));
        QVERIFY(!m_server
                     .createUser(name,
                                 i % 3 == 0 ? QStringLiteral("viewer") : QStringLiteral("user"),
                                 kPassword)
                     .id.isEmpty());
    }
    UserListModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setPageSize(10);
    model.setClient(m_server.connection->client());
    model.sort(UserListModel::UsernameColumn, Qt::AscendingOrder);
    model.reload();
    QTRY_COMPARE_WITH_TIMEOUT(model.state(), UserListModel::State::Ready, 15000);
    QCOMPARE(model.rowCount(), 10);
    const qint64 total = model.totalCount();
    QVERIFY(total >= 25); // admin, vera, 23 bulk
    QVERIFY(model.canFetchMore({}));
    while (model.canFetchMore({}) || model.isFetching()) {
        if (model.canFetchMore({}))
            model.fetchMore({});
        QTRY_VERIFY_WITH_TIMEOUT(!model.isFetching(), 15000);
    }
    QCOMPARE(model.rowCount(), int(total));
    QCOMPARE(model.user(0)->username, QStringLiteral("admin"));
    QVERIFY(model.user(1)->username < model.user(2)->username);

    // Sorted the other way on the server.
    model.sort(UserListModel::UsernameColumn, Qt::DescendingOrder);
    QTRY_COMPARE_WITH_TIMEOUT(model.state(), UserListModel::State::Ready, 15000);
    QCOMPARE(model.user(0)->username, QStringLiteral("vera"));

    // Role filter and search are the server's.
    model.setRoleFilter(QStringLiteral("viewer"));
    QTRY_COMPARE_WITH_TIMEOUT(model.state(), UserListModel::State::Ready, 15000);
    QCOMPARE(model.totalCount(), 9); // bulk00, 03, ..., 21 and vera
    for (int row = 0; row < model.rowCount(); ++row)
        QCOMPARE(model.user(row)->role, QStringLiteral("viewer"));
    model.setRoleFilter({});
    model.setSearch(QStringLiteral("bulk1"));
    QTRY_COMPARE_WITH_TIMEOUT(model.state(), UserListModel::State::Ready, 15000);
    QCOMPARE(model.totalCount(), 10);
}

void TestUsersPanel::suspendUnlockResetAndDelete()
{
    UsersPage page;
    page.setSession(m_server.connection->client(), m_server.connection->user());
    UsersPanel *panel = page.usersPanel();
    page.show();
    // A search that finds nobody: the shared empty state, whose action
    // clears the filters (issue 33, item 3).
    child<QLineEdit>(&page, "users.search")->setText(QStringLiteral("nobody-has-this"));
    auto *empty = child<QWidget>(&page, "users.empty");
    QTRY_VERIFY_WITH_TIMEOUT(empty->isVisible(), 15000);
    QCOMPARE(child<QLabel>(&page, "users.emptyTitle")->text(), QStringLiteral("No users match"));
    QVERIFY(child<QLabel>(&page, "users.emptyText")->text().contains(u"nobody-has-this"));
    // The line under the list would say the same again: hidden.
    QVERIFY(!child<QLabel>(&page, "users.state")->isVisible());
    if (const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR"); !dir.isEmpty()) {
        page.resize(900, 560);
        for (const QString &language :
             {QStringLiteral("zh_TW"), QStringLiteral("zh_CN"), QStringLiteral("en")}) {
            QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
            // Retranslated and laid out again before the grab.
            const QString title =
                QCoreApplication::translate("hm::app::UsersPanel", "No users match");
            QTRY_COMPARE(child<QLabel>(&page, "users.emptyTitle")->text(), title);
            auto *action = child<QPushButton>(&page, "users.emptyAction");
            QTRY_VERIFY(action->width() >= action->sizeHint().width());
            QVERIFY(page.grab().save(dir + QStringLiteral("/users-none-match-") + language +
                                     QStringLiteral(".png")));
        }
    }
    child<QPushButton>(&page, "users.emptyAction")->click();
    QVERIFY(child<QLineEdit>(&page, "users.search")->text().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(child<QTableView>(&page, "users.list")->isVisible(), 15000);
    QVERIFY(child<QLabel>(&page, "users.state")->isVisible());
    // Filters that leave nobody say so without a search text.
    child<QComboBox>(&page, "users.roleFilter")->setCurrentIndex(1);   // admin
    child<QComboBox>(&page, "users.statusFilter")->setCurrentIndex(3); // pending
    QTRY_VERIFY_WITH_TIMEOUT(empty->isVisible(), 15000);
    QCOMPARE(child<QLabel>(&page, "users.emptyText")->text(),
             QStringLiteral("No user has this role and status."));
    child<QPushButton>(&page, "users.emptyAction")->click();
    QCOMPARE(child<QComboBox>(&page, "users.roleFilter")->currentIndex(), 0);
    QCOMPARE(child<QComboBox>(&page, "users.statusFilter")->currentIndex(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(child<QTableView>(&page, "users.list")->isVisible(), 15000);
    child<QLineEdit>(&page, "users.search")->setText(QStringLiteral("bulk05"));
    QTRY_COMPARE_WITH_TIMEOUT(panel->model()->rowCount(), 1, 15000);
    QTRY_COMPARE(panel->model()->user(0)->username, QStringLiteral("bulk05"));
    auto *view = child<QTableView>(&page, "users.list");
    view->selectRow(0);

    // Suspend (confirmed): the user can no longer sign in.
    MessageBox::setNextAnswer(QMessageBox::Yes);
    child<QPushButton>(&page, "users.suspend")->click();
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("users.confirmSuspend"));
    QTRY_COMPARE_WITH_TIMEOUT(panel->model()->user(0)->status, QStringLiteral("suspended"), 15000);
    QVERIFY(!m_server.signIn(QStringLiteral("bulk05"), kPassword));
    QCOMPARE(child<QPushButton>(&page, "users.suspend")->text(), QStringLiteral("Reactivate"));
    child<QPushButton>(&page, "users.suspend")->click();
    QTRY_COMPARE_WITH_TIMEOUT(panel->model()->user(0)->status, QStringLiteral("active"), 15000);

    // Unlock: accepted by the server, no error shown.
    child<QPushButton>(&page, "users.unlock")->click();
    (void)QTest::qWaitFor([&] { return !panel->stateText().isEmpty(); }, 2000);
    QVERIFY(!child<QLabel>(&page, "users.state")
                 ->property("tone")
                 .toString()
                 .contains(QLatin1String("bad")));

    // Reset password through the seam; the new one signs in, and by default
    // the user must replace it at that sign-in.
    bool changeOffered = false;
    DialogSeam::setNextHandler([&](QDialog *dialog) {
        if (dialog->objectName() != QLatin1String("users.resetPasswordDialog"))
            return int(QDialog::Rejected);
        auto *ok = child<QPushButton>(dialog, "users.resetPassword.ok");
        if (ok->isEnabled()) // nothing typed yet
            return int(QDialog::Rejected);
        child<QLineEdit>(dialog, "users.resetPassword.password")
            ->setText(QStringLiteral("Reset#Pass2026"));
        changeOffered = child<QCheckBox>(dialog, "users.resetPassword.requireChange")->isChecked();
        ok->click();
        return dialog->result();
    });
    child<QPushButton>(&page, "users.resetPassword")->click();
    QTRY_COMPARE_WITH_TIMEOUT(panel->stateText(), QStringLiteral("The password was reset."), 15000);
    QVERIFY(changeOffered);
    hm::client::UserInfo reset;
    QVERIFY(m_server.signIn(QStringLiteral("bulk05"), QStringLiteral("Reset#Pass2026"), &reset));
    QVERIFY(reset.passwordChangeRequired);

    // Edit: the role changes through the dialog (username fixed there).
    DialogSeam::setNextHandler([](QDialog *dialog) {
        if (dialog->objectName() != QLatin1String("users.dialog") ||
            child<QLineEdit>(dialog, "users.username")->isEnabled())
            return int(QDialog::Rejected);
        auto *role = child<QComboBox>(dialog, "users.role");
        role->setCurrentIndex(role->findData(QStringLiteral("viewer")));
        child<QPushButton>(dialog, "users.ok")->click();
        (void)QTest::qWaitFor([dialog] { return dialog->result() == QDialog::Accepted; }, 15000);
        return dialog->result();
    });
    child<QPushButton>(&page, "users.edit")->click();
    QTRY_COMPARE_WITH_TIMEOUT(panel->model()->user(0)->role, QStringLiteral("viewer"), 15000);

    // Delete: "No" keeps the user, "Yes" removes them.
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    child<QPushButton>(&page, "users.delete")->click();
    QCOMPARE(MessageBox::lastObjectName(), QStringLiteral("users.confirmDelete"));
    QCOMPARE(panel->model()->rowCount(), 1);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    child<QPushButton>(&page, "users.delete")->click();
    QTRY_COMPARE_WITH_TIMEOUT(panel->model()->state(), UserListModel::State::Ready, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(panel->model()->rowCount(), 0, 15000);
    QVERIFY(!m_server.signIn(QStringLiteral("bulk05"), QStringLiteral("Reset#Pass2026")));

    // Nobody may delete or suspend themselves.
    child<QLineEdit>(&page, "users.search")->setText(QStringLiteral("admin"));
    QTRY_COMPARE_WITH_TIMEOUT(panel->model()->rowCount(), 1, 15000);
    view->selectRow(0);
    QVERIFY(!child<QPushButton>(&page, "users.delete")->isEnabled());
    QCOMPARE(child<QPushButton>(&page, "users.delete")->toolTip(),
             QStringLiteral("You cannot delete yourself."));
}

// Two administrators' consoles: a user created, edited and deleted in one
// appears, changes and leaves in the other's list without a refresh
// (/ws/events), and the events carry no password.
void TestUsersPanel::anotherConsolesChangesArriveLive()
{
    UsersPage page;
    page.setSession(m_server.connection->client(), m_server.admin);
    UsersPanel *panel = page.usersPanel();
    QTRY_COMPARE_WITH_TIMEOUT(panel->model()->state(), UserListModel::State::Ready, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(panel->isLive(), 15000);
    QAbstractItemModelTester tester(panel->model(),
                                    QAbstractItemModelTester::FailureReportingMode::QtTest);
    QStringList heard;
    hm::client::EventStream events;
    connect(&events, &hm::client::EventStream::message, this,
            [&heard](const QString &type, const QJsonObject &data, const QDateTime &) {
                if (type.startsWith(QLatin1String("user_")))
                    heard << QString::fromUtf8(QJsonDocument(data).toJson(QJsonDocument::Compact));
            });
    events.listen(m_server.connection->baseUrl(), m_server.connection->client()->webSocketToken());
    QTRY_VERIFY_WITH_TIMEOUT(events.isOpen(), 15000);

    auto other = m_server.signIn(QStringLiteral("admin"), m_server.adminPassword);
    QVERIFY(other);
    const QString password = QStringLiteral("Live#Pass2026x");
    auto made = await<hm::client::UserInfo>([&](auto done) {
        hm::client::UsersApi(*other).create(
            hm::client::NewUser{QStringLiteral("liam"), QStringLiteral("liam@example.test"),
                                password, QStringLiteral("Liam Live"), QStringLiteral("user"),
                                QString()},
            done);
    });
    if (!made.ok())
        QFAIL(qPrintable(made.error().toString()));
    QTRY_VERIFY_WITH_TIMEOUT(rowNamed(panel->model(), QStringLiteral("liam")) >= 0, 15000);

    auto edited = await<hm::client::UserInfo>([&](auto done) {
        hm::client::UsersApi(*other).update(
            made.value().id, QJsonObject{{QStringLiteral("role"), QStringLiteral("viewer")}}, done);
    });
    QVERIFY(edited.ok());
    const auto liamsRole = [panel] {
        const int row = rowNamed(panel->model(), QStringLiteral("liam"));
        return row < 0 ? QString() : panel->model()->user(row)->role;
    };
    QTRY_COMPARE_WITH_TIMEOUT(liamsRole(), QStringLiteral("viewer"), 15000);

    auto removed =
        await<void>([&](auto done) { hm::client::UsersApi(*other).remove(made.value().id, done); });
    QVERIFY(removed.ok());
    QTRY_COMPARE_WITH_TIMEOUT(rowNamed(panel->model(), QStringLiteral("liam")), -1, 15000);

    QTRY_COMPARE_WITH_TIMEOUT(heard.size(), 3, 15000);
    for (const QString &message : std::as_const(heard)) {
        QVERIFY2(!message.contains(password), qPrintable(message));
        // No password field of any kind (password_change_required is a flag).
        QVERIFY2(!QString(message)
                      .remove(QLatin1String("password_change_required"))
                      .contains(QLatin1String("password")),
                 qPrintable(message));
        QVERIFY2(!message.contains(QLatin1String("totp")), qPrintable(message));
    }
}

// Issue 34, item 16: the dialog said "letters" and refused Chinese ones.
// Letters of any script pass; look-alike mixes and invisible characters
// are refused with the rule, in every language.
void TestUsersPanel::dialogTakesLettersOfAnyScript()
{
    UserDialog dialog(m_server.connection->client(), nullptr);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *username = child<QLineEdit>(&dialog, "users.username");
    auto *error = child<QLabel>(&dialog, "users.usernameError");
    auto *ok = child<QPushButton>(&dialog, "users.ok");
    QCOMPARE(username->toolTip(), UserDialog::usernameRuleText());
    QVERIFY(username->toolTip().contains(QLatin1String("letters of any script")));
    QVERIFY(username->placeholderText().contains(QLatin1String("letters of any script")));
    child<QLineEdit>(&dialog, "users.email")->setText(QStringLiteral("wang@example.test"));
    child<QLineEdit>(&dialog, "users.password")->setText(kPassword);

    username->setText(QStringLiteral("\u0430dmin")); // Cyrillic а
    QVERIFY(error->isVisibleTo(&dialog));
    QVERIFY2(error->text().contains(QLatin1String("Cyrillic")), qPrintable(error->text()));
    QVERIFY(!ok->isEnabled());
    username->setText(QStringLiteral("ad\u200Bmin")); // zero width space
    QVERIFY(error->isVisibleTo(&dialog));
    QVERIFY2(error->text().contains(QLatin1String("invisible")), qPrintable(error->text()));
    QVERIFY(!ok->isEnabled());
    username->setText(QStringLiteral("王明")); // two letters
    QVERIFY(error->isVisibleTo(&dialog));
    QVERIFY(!ok->isEnabled());

    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    QTRY_VERIFY(username->toolTip().contains(QStringLiteral("使用者名稱")));
    QVERIFY(username->placeholderText().contains(QStringLiteral("任何文字的字母")));
    QVERIFY2(error->text().contains(QStringLiteral("數字")), qPrintable(error->text()));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_CN"), LanguageManager::Persist::No));
    QTRY_VERIFY(username->toolTip().contains(QStringLiteral("用户名")));
    QVERIFY(username->placeholderText().contains(QStringLiteral("任何文字的字母")));
    QVERIFY2(error->text().contains(QStringLiteral("数字")), qPrintable(error->text()));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));

    username->setText(QStringLiteral("王小明"));
    QVERIFY(error->text().isEmpty());
    QVERIFY(ok->isEnabled());
    ok->click();
    QTRY_COMPARE_WITH_TIMEOUT(dialog.result(), int(QDialog::Accepted), 15000);
    QCOMPARE(dialog.user().username, QStringLiteral("王小明"));
}

// The new user's form opens without a word in red; an address typed wrong
// says so, and OK pressed on the untouched form says all that is missing.
void TestUsersPanel::dialogQuietUntilTouched()
{
    UserDialog dialog(m_server.connection->client(), nullptr);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *ok = child<QPushButton>(&dialog, "users.ok");
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList());
    QVERIFY(!ok->isEnabled());
    QTest::mouseClick(ok, Qt::LeftButton);
    QCOMPARE(hm::test::shownFieldErrors(&dialog),
             (QStringList{"users.emailError", "users.passwordError", "users.usernameError"}));
    QCOMPARE(child<QLabel>(&dialog, "users.passwordError")->text(),
             QStringLiteral("Set a first password."));
    QVERIFY(dialog.isVisible());

    UserDialog fresh(m_server.connection->client(), nullptr);
    fresh.show();
    QVERIFY(QTest::qWaitForWindowExposed(&fresh));
    auto *email = child<QLineEdit>(&fresh, "users.email");
    email->setFocus();
    QTest::keyClicks(email, QStringLiteral("vera.example.test"));
    // (The username, left for the address, may say it is needed too.)
    QVERIFY(hm::test::shownFieldErrors(&fresh).contains(QStringLiteral("users.emailError")));
    QVERIFY(!hm::test::shownFieldErrors(&fresh).contains(QStringLiteral("users.passwordError")));
    QCOMPARE(child<QLabel>(&fresh, "users.emailError")->text(),
             QStringLiteral("This is not an e-mail address."));
    email->clear();
    QTest::keyClicks(email, QStringLiteral("vera@example.test"));
    QTest::keyClicks(child<QLineEdit>(&fresh, "users.username"), QStringLiteral("vera"));
    QTest::keyClicks(child<QLineEdit>(&fresh, "users.password"), kPassword);
    QCOMPARE(hm::test::shownFieldErrors(&fresh), QStringList());
    QVERIFY(child<QPushButton>(&fresh, "users.ok")->isEnabled());
}

// A name or address the server finds taken is said at its field, stays
// there while the other fields change, follows a language switch, and goes
// when that field changes.
void TestUsersPanel::serverRefusalStaysAtItsField()
{
    m_server.createUser(QStringLiteral("taken.name"), QStringLiteral("viewer"), kPassword);
    UserDialog dialog(m_server.connection->client(), nullptr);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto *username = child<QLineEdit>(&dialog, "users.username");
    auto *email = child<QLineEdit>(&dialog, "users.email");
    auto *password = child<QLineEdit>(&dialog, "users.password");
    auto *usernameError = child<QLabel>(&dialog, "users.usernameError");
    auto *emailError = child<QLabel>(&dialog, "users.emailError");
    auto *ok = child<QPushButton>(&dialog, "users.ok");
    username->setText(QStringLiteral("taken.name"));
    email->setText(QStringLiteral("fresh.one@example.test"));
    password->setText(kPassword);
    QVERIFY(ok->isEnabled());
    ok->click();
    QTRY_COMPARE_WITH_TIMEOUT(hm::test::shownFieldErrors(&dialog),
                              QStringList{"users.usernameError"}, 15000);
    QCOMPARE(usernameError->text(),
             QStringLiteral("This username or e-mail address is already taken."));
    // Other fields change, the name is only passed through: it stays.
    email->setFocus();
    QTest::keyClicks(email, QStringLiteral("x"));
    username->setFocus();
    password->setFocus();
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList{"users.usernameError"});
    QVERIFY(ok->isEnabled());
    // The console's words follow a language switch.
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    QTRY_COMPARE(usernameError->text(), QStringLiteral("此使用者名稱或電子郵件地址已被使用。"));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_CN"), LanguageManager::Persist::No));
    QTRY_COMPARE(usernameError->text(), QStringLiteral("此用户名或电子邮件地址已被占用。"));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
    QTRY_COMPARE(usernameError->text(),
                 QStringLiteral("This username or e-mail address is already taken."));
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList{"users.usernameError"});
    // Answered by changing the name.
    username->setText(QStringLiteral("fresh.one"));
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList());

    // The address in use: at the address, kept while the name changes.
    email->setText(QStringLiteral("taken.name@example.test"));
    ok->click();
    QTRY_COMPARE_WITH_TIMEOUT(hm::test::shownFieldErrors(&dialog), QStringList{"users.emailError"},
                              15000);
    QCOMPARE(emailError->text(), QStringLiteral("This e-mail address is already registered."));
    username->setText(QStringLiteral("fresh.two"));
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList{"users.emailError"});
    email->setText(QStringLiteral("fresh.two@example.test"));
    QCOMPARE(hm::test::shownFieldErrors(&dialog), QStringList());
    QVERIFY(dialog.isVisible());
}

void TestUsersPanel::retranslates()
{
    UsersPage page;
    page.setSession(m_server.connection->client(), m_server.connection->user());
    QTRY_COMPARE(page.tabs()->tabText(0), QStringLiteral("Users"));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_TW"), LanguageManager::Persist::No));
    QTRY_COMPARE(page.tabs()->tabText(0), QStringLiteral("使用者"));
    QTRY_COMPARE(page.tabs()->tabText(1), QStringLiteral("API 金鑰"));
    QTRY_COMPARE(page.usersPanel()->model()->headerData(0, Qt::Horizontal).toString(),
                 QStringLiteral("使用者名稱"));
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("zh_CN"), LanguageManager::Persist::No));
    QTRY_COMPARE(page.tabs()->tabText(0), QStringLiteral("用户"));
    QTRY_COMPARE(page.tabs()->tabText(1), QStringLiteral("API 密钥"));
    UserDialog dialog(m_server.connection->client(), nullptr);
    QTRY_COMPARE(dialog.windowTitle(), QStringLiteral("新建用户"));
}

// Issue 34, item 14: the role matrix cut "Administrator" to "dministrato"
// and a zh_CN capability ending in 会话. Every header text fits its space,
// in every language.
void TestUsersPanel::roleMatrixTextIsWhole()
{
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        UserDialog dialog(m_server.connection->client(), nullptr);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QApplication::processEvents();
        auto *matrix = child<QTableWidget>(&dialog, "users.roleMatrix");
        const QFontMetrics columnFont(matrix->horizontalHeader()->font());
        for (int column = 0; column < matrix->columnCount(); ++column) {
            const QString text = matrix->horizontalHeaderItem(column)->text();
            QVERIFY2(matrix->horizontalHeader()->sectionSize(column) >=
                         columnFont.horizontalAdvance(text),
                     qPrintable(language + u' ' + text));
        }
        const QFontMetrics rowFont(matrix->verticalHeader()->font());
        for (int row = 0; row < matrix->rowCount(); ++row) {
            const QString text = matrix->verticalHeaderItem(row)->text();
            QVERIFY2(matrix->verticalHeader()->width() >= rowFont.horizontalAdvance(text),
                     qPrintable(language + u' ' + text));
        }
        // Nothing hides past the right edge.
        int used = 0;
        for (int column = 0; column < matrix->columnCount(); ++column)
            used += matrix->horizontalHeader()->sectionSize(column);
        QVERIFY(used <= matrix->viewport()->width());
    }
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

// Every column was as wide as its values and the last, the creation date,
// stretched over half the list while the full names and e-mails touched
// their borders. In a 1,200-pixel window, in every language, the room left
// goes to the full name and the e-mail (wider than their values), and the
// dates and short columns stay as wide as they need.
void TestUsersPanel::columnsGiveTheRoomToNames()
{
    hm::client::NewUser user;
    user.username = QStringLiteral("columns.fit");
    user.email = QStringLiteral("mei.lin@example.test");
    user.fullName = QStringLiteral("Lin Mei-ling");
    user.password = kPassword;
    user.role = QStringLiteral("user");
    QVERIFY(await<hm::client::UserInfo>([&](auto done) {
                hm::client::UsersApi(*m_server.connection->client()).create(user, done);
            }).ok());
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        SectionWindow shown(m_server.languages.get(), m_server.connection.get(), QSize(1200, 800));
        QVERIFY(shown.open(QStringLiteral("users")));
        MainWindow &window = shown.window();
        auto *page = shown.page<UsersPage>();
        page->tabs()->setCurrentWidget(page->usersPanel());
        QTRY_COMPARE_WITH_TIMEOUT(page->usersPanel()->model()->state(), UserListModel::State::Ready,
                                  15000);
        QTRY_VERIFY(rowNamed(page->usersPanel()->model(), user.username) >= 0);
        QApplication::processEvents();
        if (const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QVERIFY(QDir().mkpath(dir));
            QVERIFY(window.grab().save(dir + QStringLiteral("/users-columns-1200-") + language +
                                       QStringLiteral(".png")));
        }
        const QAbstractItemView *view = child<QTableView>(page, "users.list");
        const QHeaderView *header = child<QTableView>(page, "users.list")->horizontalHeader();
        const int em = view->fontMetrics().averageCharWidth();
        const auto needed = [&](int column) {
            return std::max(view->sizeHintForColumn(column), header->sectionSizeHint(column));
        };
        for (int column = 0; column < UserListModel::ColumnCount; ++column) {
            const QString where =
                QStringLiteral("%1: %2 is %3 px for %4")
                    .arg(language, view->model()->headerData(column, Qt::Horizontal).toString())
                    .arg(header->sectionSize(column))
                    .arg(needed(column));
            if (column == UserListModel::FullNameColumn || column == UserListModel::EmailColumn)
                QVERIFY2(header->sectionSize(column) >= needed(column) + 2 * em, qPrintable(where));
            else
                QVERIFY2(header->sectionSize(column) <= needed(column) + 1, qPrintable(where));
        }
    }
    QVERIFY(m_server.languages->setLanguage(QStringLiteral("en"), LanguageManager::Persist::No));
}

void TestUsersPanel::screenshots()
{
    const QString dir = qEnvironmentVariable("HIVEMIND_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return; // only when asked for (docs/screenshots)
    QVERIFY(QDir().mkpath(dir));
    // Run alone: a few people to show (already there when run after the others).
    for (const auto &[name, role] : {std::pair{QStringLiteral("vera"), QStringLiteral("viewer")},
                                     std::pair{QStringLiteral("lin.mei"), QStringLiteral("user")},
                                     std::pair{QStringLiteral("ops.chen"), QStringLiteral("admin")},
                                     std::pair{QStringLiteral("wang.jun"), QStringLiteral("user")}})
        m_server.createUser(name, role, kPassword);
    for (const QString &language :
         {QStringLiteral("en"), QStringLiteral("zh_TW"), QStringLiteral("zh_CN")}) {
        QVERIFY(m_server.languages->setLanguage(language, LanguageManager::Persist::No));
        SectionWindow shown(m_server.languages.get(), m_server.connection.get(), QSize(1280, 800));
        QVERIFY(shown.open(QStringLiteral("users")));
        MainWindow &window = shown.window();
        auto *page = shown.page<UsersPage>();
        QTRY_COMPARE_WITH_TIMEOUT(page->usersPanel()->model()->state(), UserListModel::State::Ready,
                                  15000);
        QApplication::processEvents();
        QVERIFY(window.grab().save(dir + QStringLiteral("/users-list-") + language +
                                   QStringLiteral(".png")));
        const int row = rowNamed(page->usersPanel()->model(), QStringLiteral("vera"));
        UserDialog dialog(m_server.connection->client(),
                          row >= 0 ? page->usersPanel()->model()->user(row) : nullptr, &window);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QApplication::processEvents();
        QVERIFY(dialog.grab().save(dir + QStringLiteral("/users-edit-") + language +
                                   QStringLiteral(".png")));
        // A new user's dialog (the first-sign-in choice) and a reset.
        UserDialog create(m_server.connection->client(), nullptr, &window);
        create.show();
        QVERIFY(QTest::qWaitForWindowExposed(&create));
        QApplication::processEvents();
        QVERIFY(create.grab().save(dir + QStringLiteral("/users-create-") + language +
                                   QStringLiteral(".png")));
        QTest::mouseClick(child<QPushButton>(&create, "users.ok"), Qt::LeftButton);
        QApplication::processEvents();
        QVERIFY(create.grab().save(dir + QStringLiteral("/users-create-errors-") + language +
                                   QStringLiteral(".png")));
        // The server refuses a name in use: said at the name.
        child<QLineEdit>(&create, "users.username")->setText(QStringLiteral("vera"));
        child<QLineEdit>(&create, "users.email")->setText(QStringLiteral("vera.2@example.test"));
        child<QLineEdit>(&create, "users.password")->setText(kPassword);
        child<QPushButton>(&create, "users.ok")->click();
        QTRY_COMPARE_WITH_TIMEOUT(hm::test::shownFieldErrors(&create),
                                  QStringList{"users.usernameError"}, 15000);
        QApplication::processEvents();
        QVERIFY(create.grab().save(dir + QStringLiteral("/users-create-refused-") + language +
                                   QStringLiteral(".png")));
        hm::app::ResetPasswordDialog reset(QStringLiteral("vera"), &window);
        reset.show();
        QVERIFY(QTest::qWaitForWindowExposed(&reset));
        QApplication::processEvents();
        QVERIFY(reset.grab().save(dir + QStringLiteral("/users-reset-") + language +
                                  QStringLiteral(".png")));
        // The viewer's read-only tab.
        hm::client::UserInfo vera;
        auto client = m_server.signIn(QStringLiteral("vera"), kPassword, &vera);
        QVERIFY(client);
        UsersPage viewerPage;
        viewerPage.resize(1000, 600);
        viewerPage.setSession(client.get(), vera);
        viewerPage.tabs()->setCurrentIndex(0);
        viewerPage.show();
        QVERIFY(QTest::qWaitForWindowExposed(&viewerPage));
        QApplication::processEvents();
        QVERIFY(viewerPage.grab().save(dir + QStringLiteral("/users-viewer-") + language +
                                       QStringLiteral(".png")));
    }
}

QTEST_MAIN(TestUsersPanel)
#include "TestUsersPanel.moc"
