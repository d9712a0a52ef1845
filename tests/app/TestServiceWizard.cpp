// The new-service wizard (issue 34, items 3 and 15) against a real
// in-process server over loopback and a real HTTP peer: a local OpenAPI
// document imported through Import from file... (the file dialog answered
// through DialogSeam) or dropped on the wizard is sent as text, probed and
// registered without the server fetching anything; a file:// or ftp://
// schema URL is refused in the wizard before the server is asked, with a
// sentence pointing to the import; the display name shows the name as a
// hint and, once typed, keeps exactly what was typed.

#include "AdminTestSupport.h"
#include "ServiceTestSupport.h"
#include "client/ServicesApi.h"
#include "services/ServiceWizard.h"
#include "widgets/MessageBox.h"

#include <QApplication>
#include <QDragEnterEvent>
#include <QDropEvent>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPushButton>
#include <QTreeWidget>

using namespace hm;
using namespace hm::app;
using namespace admintest;
using namespace servicetest;

namespace {

bool waitProbe(ServiceWizard *wizard)
{
    return QTest::qWaitFor(
        [wizard] {
            return wizard->currentPage() == wizard->probePage() &&
                   !wizard->probePage()->isProbing();
        },
        20000);
}

DialogSeam::Handler chooseFile(const QString &path, QString *dialogName)
{
    return [path, dialogName](QDialog *dialog) {
        *dialogName = dialog->objectName();
        auto *files = qobject_cast<QFileDialog *>(dialog);
        if (!files)
            return int(QDialog::Rejected);
        files->selectFile(path);
        return int(QDialog::Accepted);
    };
}

} // namespace

class TestServiceWizard : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanup();
    void cleanupTestCase();
    void displayNameStopsFollowingOnceTyped();
    void importFromFileProbesAndRegistersTheText();
    void droppedFileIsImported();
    void nonHttpSchemaUrlIsRefusedBeforeTheServer();

private:
    client::ServicesApi api() { return client::ServicesApi(*m_server.connection->client()); }
    QString writeDocument(const QString &name, const QByteArray &text);
    void fill(ServiceWizard &wizard, const QString &name);

    AdminServer m_server;
    test::RecordingPeer m_peer;
    PetStore m_store;
    QTemporaryDir m_files;
};

void TestServiceWizard::initTestCase()
{
    QVERIFY(m_files.isValid());
    QVERIFY(m_server.start("TestServiceWizard"));
    m_peer.setAnswer(m_store.answer());
}

void TestServiceWizard::cleanup()
{
    DialogSeam::setNextHandler({});
    m_peer.clear();
}

void TestServiceWizard::cleanupTestCase()
{
    m_server.stop();
}

QString TestServiceWizard::writeDocument(const QString &name, const QByteArray &text)
{
    const QString path = m_files.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text) != text.size())
        return {};
    return path;
}

void TestServiceWizard::fill(ServiceWizard &wizard, const QString &name)
{
    wizard.show();
    wizard.restart();
    QTest::keyClicks(child<QLineEdit>(&wizard, "services.wizard.name"), name);
    child<QLineEdit>(&wizard, "services.wizard.baseUrl")->setText(m_peer.url(QString()));
}

void TestServiceWizard::displayNameStopsFollowingOnceTyped()
{
    ServiceWizard wizard(m_server.connection->client(), m_server.admin.role);
    wizard.show();
    auto *name = child<QLineEdit>(&wizard, "services.wizard.name");
    auto *displayName = child<QLineEdit>(&wizard, "services.wizard.displayName");
    QVERIFY(name && displayName);
    QTest::keyClicks(name, QStringLiteral("status-api"));
    // The name is a hint in the display name, not text of its own ...
    QVERIFY2(displayName->text().isEmpty(), qPrintable(displayName->text()));
    QCOMPARE(displayName->placeholderText(), QStringLiteral("status-api"));
    // ... so clicking into it and typing gives what was typed.
    QTest::mouseClick(displayName, Qt::LeftButton);
    QTest::keyClicks(displayName, QStringLiteral("Status API"));
    QCOMPARE(displayName->text(), QStringLiteral("Status API"));
    // Typed once, it no longer follows the name.
    QTest::keyClicks(name, QStringLiteral("-v2"));
    QCOMPARE(displayName->text(), QStringLiteral("Status API"));
    // Emptied, it shows the name again (and registers under it).
    displayName->clear();
    QCOMPARE(displayName->placeholderText(), QStringLiteral("status-api-v2"));
}

void TestServiceWizard::importFromFileProbesAndRegistersTheText()
{
    const QString path = writeDocument(QStringLiteral("pets-openapi.json"), documentV1());
    QVERIFY(!path.isEmpty());
    ServiceWizard wizard(m_server.connection->client(), m_server.admin.role);
    fill(wizard, QStringLiteral("pets-from-file"));
    child<QLineEdit>(&wizard, "services.wizard.displayName")->setText(QStringLiteral("Imported"));
    auto *import = child<QPushButton>(&wizard, "services.wizard.importFile");
    QVERIFY(import);
    QVERIFY(import->isVisible());
    QString dialogName;
    DialogSeam::setNextHandler(chooseFile(path, &dialogName));
    import->click();
    QCOMPARE(dialogName, QStringLiteral("services.wizard.importFileDialog"));
    // Read, then on to the probe at once: the server parses the text.
    QVERIFY(waitProbe(&wizard));
    QCOMPARE(child<QLabel>(&wizard, "services.wizard.probeState")->text(),
             QStringLiteral("Found a document with 3 endpoints to import."));
    const QString source = child<QLabel>(&wizard, "services.wizard.source")->text();
    QVERIFY2(source.contains(QStringLiteral("pets-openapi.json")), qPrintable(source));
    QVERIFY2(source.contains(QStringLiteral("Pet store")), qPrintable(source));
    QCOMPARE(child<QTreeWidget>(&wizard, "services.wizard.endpoints")->topLevelItemCount(), 3);
    // Back on the details step the file is named, and the schema URL empty.
    wizard.back();
    const QString state = child<QLabel>(&wizard, "services.wizard.urlState")->text();
    QVERIFY2(state.contains(QStringLiteral("pets-openapi.json")), qPrintable(state));
    QVERIFY(child<QLineEdit>(&wizard, "services.wizard.schemaUrl")->text().isEmpty());
    wizard.next();
    QVERIFY(waitProbe(&wizard));

    wizard.button(QWizard::FinishButton)->click();
    QTRY_COMPARE_WITH_TIMEOUT(wizard.result(), int(QDialog::Accepted), 20000);
    QCOMPARE(wizard.service().name, QStringLiteral("pets-from-file"));
    QCOMPARE(wizard.service().displayName, QStringLiteral("Imported"));
    QCOMPARE(wizard.service().endpointCount, 3);
    QVERIFY(wizard.service().schemaSource.isEmpty());
    // Neither the probe nor Register asked the peer for a document.
    QVERIFY(m_peer.requests().isEmpty());
}

void TestServiceWizard::droppedFileIsImported()
{
    const QString path =
        writeDocument(QStringLiteral("dropped.yaml"), "openapi: 3.0.3\n"
                                                      "info:\n  title: Dropped\n  version: '1'\n"
                                                      "paths:\n"
                                                      "  /status:\n"
                                                      "    get:\n"
                                                      "      operationId: status\n"
                                                      "      responses:\n"
                                                      "        '200':\n"
                                                      "          description: ok\n");
    QVERIFY(!path.isEmpty());
    ServiceWizard wizard(m_server.connection->client(), m_server.admin.role);
    fill(wizard, QStringLiteral("dropped"));
    auto *schemaUrl = child<QLineEdit>(&wizard, "services.wizard.schemaUrl");
    // Dropped on the schema URL field: the document, not the path as text.
    QMimeData mime;
    mime.setUrls({QUrl::fromLocalFile(path)});
    const QPoint at = schemaUrl->rect().center();
    QDragEnterEvent enter(at, Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(schemaUrl, &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(QPointF(at), Qt::CopyAction, &mime, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(schemaUrl, &drop);
    QVERIFY(waitProbe(&wizard));
    QCOMPARE(child<QLabel>(&wizard, "services.wizard.probeState")->text(),
             QStringLiteral("Found a document with 1 endpoint to import."));
    QVERIFY(child<QLabel>(&wizard, "services.wizard.source")
                ->text()
                .contains(QStringLiteral("dropped.yaml")));
    QVERIFY(schemaUrl->text().isEmpty());
    QVERIFY(m_peer.requests().isEmpty());

    // A file that cannot be read: said on the details step, nothing sent.
    QMimeData missing;
    missing.setUrls({QUrl::fromLocalFile(m_files.filePath(QStringLiteral("missing.json")))});
    // Dropped on the wizard itself this time (its probe step showing).
    QDragEnterEvent enterWizard(QPoint(5, 5), Qt::CopyAction, &missing, Qt::LeftButton,
                                Qt::NoModifier);
    QApplication::sendEvent(&wizard, &enterWizard);
    QVERIFY(enterWizard.isAccepted());
    QDropEvent dropMissing(QPointF(5, 5), Qt::CopyAction, &missing, Qt::LeftButton, Qt::NoModifier);
    QApplication::sendEvent(&wizard, &dropMissing);
    QCOMPARE(wizard.currentPage(), static_cast<QWizardPage *>(wizard.detailsPage()));
    const QString state = child<QLabel>(&wizard, "services.wizard.urlState")->text();
    QVERIFY2(state.contains(QStringLiteral("missing.json could not be read")), qPrintable(state));
}

void TestServiceWizard::nonHttpSchemaUrlIsRefusedBeforeTheServer()
{
    ServiceWizard wizard(m_server.connection->client(), m_server.admin.role);
    fill(wizard, QStringLiteral("refused"));
    auto *schemaUrl = child<QLineEdit>(&wizard, "services.wizard.schemaUrl");
    auto *state = child<QLabel>(&wizard, "services.wizard.urlState");
    QVERIFY(state);
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY(state->isHidden());
    for (const QString &url :
         {QStringLiteral("file:///etc/passwd"), QStringLiteral("ftp://127.0.0.1/openapi.json"),
          QStringLiteral("data:application/json,{}"), QStringLiteral("openapi.json")}) {
        schemaUrl->clear();
        QTest::keyClicks(schemaUrl, url);
        QVERIFY2(!wizard.button(QWizard::NextButton)->isEnabled(), qPrintable(url));
        QVERIFY2(!state->isHidden(), qPrintable(url));
        QVERIFY2(state->text().contains(QStringLiteral("Import from file")),
                 qPrintable(state->text()));
        // Next does nothing: the server is not asked.
        wizard.next();
        QCOMPARE(wizard.currentPage(), static_cast<QWizardPage *>(wizard.detailsPage()));
    }
    // A base URL of another scheme is refused the same way.
    schemaUrl->clear();
    child<QLineEdit>(&wizard, "services.wizard.baseUrl")->setText(QStringLiteral("file:///srv"));
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    QVERIFY(!state->isHidden());
    // A path under the base URL, or an https URL, is fine.
    child<QLineEdit>(&wizard, "services.wizard.baseUrl")->setText(m_peer.url(QString()));
    for (const QString &url :
         {QStringLiteral("/openapi.json"), QStringLiteral("https://example.com/openapi.json")}) {
        schemaUrl->setText(url);
        QVERIFY2(wizard.button(QWizard::NextButton)->isEnabled(), qPrintable(url));
        QVERIFY(state->isHidden());
    }
    QVERIFY(m_peer.requests().isEmpty());
}

QTEST_MAIN(TestServiceWizard)
#include "TestServiceWizard.moc"
