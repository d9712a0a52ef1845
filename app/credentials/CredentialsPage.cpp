#include "credentials/CredentialsPage.h"

#include "client/ApiClient.h"
#include "client/Within.h"
#include "credentials/CredentialDialog.h"
#include "credentials/CredentialListModel.h"
#include "credentials/CredentialText.h"
#include "credentials/KeyStatusPanel.h"
#include "widgets/AdminText.h"
#include "widgets/DateTimeText.h"
#include "widgets/LiveEvents.h"
#include "widgets/MessageBox.h"
#include "widgets/MessageLine.h"
#include "widgets/PageFrame.h"
#include "widgets/SectionEmptyState.h"
#include "widgets/SectionHeader.h"

#include <QComboBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QStackedWidget>
#include <QStyle>
#include <QTableView>
#include <QUrl>
#include <QVBoxLayout>

namespace hm::app {

namespace {

bool isHttpType(const QString &type)
{
    return type == QLatin1String("http_basic") || type == QLatin1String("http_bearer") ||
           type == QLatin1String("api_key");
}

void setTone(QLabel *label, const QString &tone)
{
    label->setProperty("tone", tone);
    label->style()->unpolish(label);
    label->style()->polish(label);
}

} // namespace

CredentialsPage::CredentialsPage(QWidget *parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("page.credentials"));
    m_model = new CredentialListModel(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(pageMargins());

    m_header = new SectionHeader(QStringLiteral("credentials"),
                                 QStringLiteral("credentials.refresh"), this, layout);
    m_title = m_header->title();
    m_subtitle = m_header->subtitle();
    m_search = m_header->search();
    m_refresh = m_header->refresh();
    m_typeFilter = new QComboBox(this);
    m_typeFilter->setObjectName(QStringLiteral("credentials.typeFilter"));
    m_typeFilter->addItem(QString(), QString());
    for (const QString &type : CredentialText::types())
        m_typeFilter->addItem(QString(), type);
    m_header->addFilter(m_typeFilter);
    m_create = new QPushButton(this);
    m_create->setObjectName(QStringLiteral("credentials.create"));
    m_create->setProperty("primary", true);
    m_header->addButton(m_create);

    auto *actions = new QHBoxLayout();
    m_edit = new QPushButton(this);
    m_edit->setObjectName(QStringLiteral("credentials.edit"));
    m_test = new QPushButton(this);
    m_test->setObjectName(QStringLiteral("credentials.test"));
    m_delete = new QPushButton(this);
    m_delete->setObjectName(QStringLiteral("credentials.delete"));
    for (QPushButton *button : {m_edit, m_test, m_delete})
        actions->addWidget(button);
    m_testResult = new QLabel(this);
    m_testResult->setObjectName(QStringLiteral("credentials.testResult"));
    m_testResult->setWordWrap(true);
    m_testResult->setTextInteractionFlags(Qt::TextSelectableByMouse);
    actions->addWidget(m_testResult, 1);
    m_testLine = new MessageLine(m_testResult, [this](const QString &text, MessageLine::Kind) {
        m_testResult->setText(text);
    });
    layout->addLayout(actions);

    m_content = new QStackedWidget(this);
    m_view = new QTableView(m_content);
    m_view->setObjectName(QStringLiteral("credentials.list"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_view->horizontalHeader()->setStretchLastSection(true);
    m_view->setColumnWidth(CredentialListModel::NameColumn, 280);
    m_view->setColumnWidth(CredentialListModel::TypeColumn, 170);
    m_view->setColumnWidth(CredentialListModel::VisibilityColumn, 110);
    m_view->setColumnWidth(CredentialListModel::OwnerColumn, 140);
    m_content->addWidget(m_view);
    auto *emptyState = new SectionEmptyState(QStringLiteral("credentials"), m_content);
    m_emptyPanel = emptyState;
    m_emptyTitle = emptyState->title();
    m_emptyText = emptyState->text();
    m_emptyAction = emptyState->action();
    m_content->addWidget(m_emptyPanel);
    layout->addWidget(m_content, 1);

    m_state = new QLabel(this);
    m_state->setObjectName(QStringLiteral("credentials.state"));
    m_state->setWordWrap(true);
    layout->addWidget(m_state);

    m_keyPanel = new KeyStatusPanel(this);
    layout->addWidget(m_keyPanel);
    m_keyAdminsOnly = new QLabel(this);
    m_keyAdminsOnly->setObjectName(QStringLiteral("credentials.keyAdminsOnly"));
    m_keyAdminsOnly->setProperty("hmStyle", QStringLiteral("muted"));
    m_keyAdminsOnly->setWordWrap(true);
    layout->addWidget(m_keyAdminsOnly);

    connect(m_header, &SectionHeader::refreshRequested, this, &CredentialsPage::reload);
    connect(m_header, &SectionHeader::searchChanged, m_model, &CredentialListModel::setSearch);
    connect(m_typeFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setTypeFilter(m_typeFilter->currentData().toString()); });
    connect(m_create, &QPushButton::clicked, this, &CredentialsPage::createCredential);
    connect(m_edit, &QPushButton::clicked, this, &CredentialsPage::editSelected);
    connect(m_view, &QTableView::doubleClicked, this, &CredentialsPage::editSelected);
    connect(m_test, &QPushButton::clicked, this, &CredentialsPage::testSelected);
    connect(m_delete, &QPushButton::clicked, this, &CredentialsPage::deleteSelected);
    connect(m_emptyAction, &QPushButton::clicked, this, [this] {
        if (m_model->state() == CredentialListModel::State::Failed)
            reload();
        else if (m_model->isFiltered()) {
            m_search->clear();
            m_typeFilter->setCurrentIndex(0);
            m_model->setSearch({});
        } else
            createCredential();
    });
    connect(m_model, &CredentialListModel::stateChanged, this, &CredentialsPage::showState);
    connect(m_model, &CredentialListModel::fetchFailed, this, [this](const hm::Error &error) {
        failed([] { return tr("More credentials could not be read: %1"); }, error);
    });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_model, signal, this, &CredentialsPage::showState);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &CredentialsPage::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &CredentialsPage::updateActions);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &CredentialsPage::updateActions);
    // Other consoles' changes, applied to the loaded rows (a reload after
    // the events were cut off, since some may be missed).
    m_live = new LiveEvents(this);
    connect(m_live, &LiveEvents::message, this, &CredentialsPage::applyEvent);
    connect(m_live, &LiveEvents::reopened, m_model, &CredentialListModel::reload);
    connect(m_keyPanel, &KeyStatusPanel::rotationFinished, this, [this] {
        showTestResult([] { return tr("The key rotation finished."); }, TestTone::Good);
    });
    setSession(nullptr, {});
}

CredentialsPage::~CredentialsPage() = default;

bool CredentialsPage::isAdmin() const
{
    return m_client && m_me.role.compare(QLatin1String("admin"), Qt::CaseInsensitive) == 0;
}

void CredentialsPage::setSession(client::ApiClient *client, const client::UserInfo &user)
{
    m_client = client;
    m_me = client ? user : client::UserInfo{};
    m_message.clear();
    m_testLine->clear();
    m_model->setClient(client);
    m_model->reload();
    m_live->setClient(client);
    m_keyPanel->setClient(isAdmin() ? client : nullptr);
    m_keyPanel->setVisible(isAdmin());
    m_keyAdminsOnly->setVisible(m_client && !isAdmin());
    retranslateUi();
}

void CredentialsPage::reload()
{
    m_message.clear();
    m_model->reload();
    if (isAdmin())
        m_keyPanel->refresh();
    showState();
}

bool CredentialsPage::isLive() const
{
    return m_live->isOpen();
}

void CredentialsPage::applyEvent(const QString &type, const QJsonObject &data)
{
    if (!type.startsWith(QLatin1String("credential_")) || !m_client)
        return;
    const QString id = data.value(QStringLiteral("credential_id")).toString();
    if (id.isEmpty())
        return;
    if (type == QLatin1String("credential_deleted")) {
        m_model->remove(id);
        return;
    }
    // The first credential stored makes the data key: the key status says
    // so now rather than at its next poll.
    if (type == QLatin1String("credential_created") && isAdmin())
        m_keyPanel->refresh();
    // The event names the credential only: read it as this user sees it.
    client::CredentialsApi(*m_client).get(
        id, client::within(this, [this, id](Result<client::CredentialInfo> r) {
            if (r)
                m_model->upsert(*r);
            else if (r.error().code == ErrorCode::CredentialNotFound)
                m_model->remove(id); // no longer shared with this user
        }));
}

QString CredentialsPage::listStateText() const
{
    return m_state->text();
}

QString CredentialsPage::testResultText() const
{
    return m_testResult->text();
}

void CredentialsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QWidget::changeEvent(event);
}

void CredentialsPage::retranslateUi()
{
    m_title->setText(tr("Credentials"));
    m_subtitle->setText(tr("Passwords, tokens and keys that flows and services sign in with. "
                           "They are stored encrypted and never shown again."));
    m_header->retranslateUi();
    m_typeFilter->setItemText(0, tr("All types"));
    for (int i = 1; i < m_typeFilter->count(); ++i)
        m_typeFilter->setItemText(i, CredentialText::type(m_typeFilter->itemData(i).toString()));
    m_create->setText(tr("New credential..."));
    m_edit->setText(tr("Edit..."));
    m_test->setText(tr("Test..."));
    m_delete->setText(tr("Delete..."));
    m_keyAdminsOnly->setText(tr("The encryption key's status and its rotation are for "
                                "administrators; you are signed in as %1.")
                                 .arg(AdminText::role(m_me.role)));
    refreshTexts(m_model);
    showState();
}

const client::CredentialInfo *CredentialsPage::selected() const
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    return rows.isEmpty() ? nullptr : m_model->credential(rows.first().row());
}

bool CredentialsPage::mayChange(const client::CredentialInfo &credential) const
{
    return isAdmin() || (m_client && credential.ownerId == m_me.id &&
                         m_me.role.compare(QLatin1String("viewer"), Qt::CaseInsensitive) != 0);
}

void CredentialsPage::updateActions()
{
    const bool viewer = m_me.role.compare(QLatin1String("viewer"), Qt::CaseInsensitive) == 0;
    const client::CredentialInfo *c = selected();
    const QString select = tr("Select a credential first.");
    const QString notYours =
        tr("Only its owner (%1) or an administrator can change or test this credential.");
    const auto set = [](QPushButton *button, bool enabled, const QString &tip) {
        button->setEnabled(enabled);
        button->setToolTip(tip);
    };
    const QString noSession = tr("Sign in first.");
    set(m_create, m_client && !viewer,
        !m_client ? noSession
        : viewer  ? AdminText::notForViewers(m_me.role)
                  : tr("Store a new credential."));
    const auto tip = [&](const QString &ok) {
        if (!m_client)
            return noSession;
        if (viewer)
            return AdminText::notForViewers(m_me.role);
        if (!c)
            return select;
        if (!mayChange(*c))
            return notYours.arg(c->ownerName);
        return ok;
    };
    const bool allowed = c && mayChange(*c);
    set(m_edit, allowed, tip(tr("Change the name, sharing or fields; replace secrets.")));
    set(m_test, allowed, tip(tr("Check that the credential is accepted.")));
    set(m_delete, allowed, tip(tr("Delete the credential.")));
    m_refresh->setEnabled(bool(m_client));
}

void CredentialsPage::showState()
{
    QString text;
    QString tone;
    bool showList = true;
    const bool filtered = m_model->isFiltered();
    switch (m_model->state()) {
    case CredentialListModel::State::Idle:
        text = m_client ? QString() : tr("Sign in to see credentials.");
        break;
    case CredentialListModel::State::Loading:
        text = tr("Loading credentials...");
        break;
    case CredentialListModel::State::Failed:
        showList = false;
        m_emptyTitle->setText(tr("The credentials could not be read"));
        m_emptyText->setText(AdminText::error(m_model->lastError(), m_me.role));
        m_emptyAction->setText(tr("Retry"));
        m_emptyAction->setEnabled(true);
        m_emptyAction->setProperty("primary", false);
        tone = QStringLiteral("bad");
        break;
    case CredentialListModel::State::Ready:
        if (m_model->rowCount() == 0) {
            showList = false;
            if (filtered) {
                m_emptyTitle->setText(tr("No credential matches"));
                m_emptyText->setText(m_model->search().isEmpty()
                                         ? tr("No credential of this type is visible to you.")
                                         : tr("No credential you can see has \"%1\" in its name.")
                                               .arg(m_model->search()));
                m_emptyAction->setText(tr("Clear filters"));
                m_emptyAction->setEnabled(true);
            } else {
                m_emptyTitle->setText(tr("No credentials yet"));
                m_emptyText->setText(
                    tr("A credential keeps a password, token or key that flows and services use "
                       "to sign in elsewhere. It is stored encrypted; once saved, its secret "
                       "is never shown again, only replaced."));
                m_emptyAction->setText(tr("New credential..."));
                m_emptyAction->setEnabled(m_create->isEnabled());
                m_emptyAction->setToolTip(m_create->toolTip());
            }
        } else {
            text = tr("%1 of %n credential(s) shown", "", int(m_model->totalCount()))
                       .arg(QLocale().toString(m_model->rowCount()));
        }
        break;
    }
    if (!m_message.isEmpty()) {
        text = m_message.toString();
        tone = QStringLiteral("bad");
    }
    m_content->setCurrentWidget(showList ? static_cast<QWidget *>(m_view) : m_emptyPanel);
    m_state->setText(text);
    m_state->setVisible(!text.isEmpty());
    setTone(m_state, m_message.isEmpty() ? QString() : tone);
    updateActions();
}

void CredentialsPage::failed(std::function<QString()> what, const hm::Error &error)
{
    m_message = LocalizedText(
        [what, error, role = m_me.role] { return what().arg(AdminText::error(error, role)); });
    showState();
}

void CredentialsPage::showTestResult(std::function<QString()> text, TestTone tone)
{
    setTone(m_testResult, tone == TestTone::Bad ? QStringLiteral("bad") : QStringLiteral("good"));
    // A test's success passes; a refusal, and "Testing…" until it is
    // replaced, stay.
    m_testLine->show(std::move(text), tone == TestTone::Good ? MessageLine::Kind::Passing
                                                             : MessageLine::Kind::Lasting);
}

void CredentialsPage::createCredential()
{
    if (!m_client)
        return;
    m_message.clear();
    CredentialDialog dialog(m_client, nullptr, this);
    if (DialogSeam::exec(&dialog) != QDialog::Accepted)
        return;
    m_model->upsert(dialog.credential());
    showState();
}

void CredentialsPage::editSelected()
{
    const client::CredentialInfo *c = selected();
    if (!m_client || !c || !mayChange(*c))
        return;
    m_message.clear();
    CredentialDialog dialog(m_client, c, this);
    QString service;
    connect(&dialog, &CredentialDialog::usageActivated, &dialog,
            [&dialog, &service](const QString &kind, const QString &id) {
                if (kind != QLatin1String("service"))
                    return;
                service = id;
                dialog.reject();
            });
    const int result = DialogSeam::exec(&dialog);
    if (!service.isEmpty())
        emit serviceRequested(service);
    if (result != QDialog::Accepted)
        return;
    m_model->upsert(dialog.credential());
    showState();
}

void CredentialsPage::testSelected()
{
    const client::CredentialInfo *c = selected();
    if (!m_client || !c || !mayChange(*c))
        return;
    m_message.clear();
    const QString id = c->id;
    const QString name = c->name;
    QString url;
    if (isHttpType(c->type)) {
        QInputDialog input(this);
        input.setObjectName(QStringLiteral("credentials.testUrlDialog"));
        input.setWindowTitle(tr("Test credential"));
        input.setLabelText(
            tr("Send one GET request with \"%1\" to this URL (2xx means it works):").arg(name));
        input.setTextValue(m_testUrls.value(id, QStringLiteral("https://")));
        if (DialogSeam::exec(&input) != QDialog::Accepted)
            return;
        url = input.textValue().trimmed();
        const QUrl parsed(url);
        if (!parsed.isValid() || parsed.host().isEmpty() ||
            (parsed.scheme() != QLatin1String("http") && parsed.scheme() != QLatin1String("https")))
            return showTestResult(
                [url] { return tr("\"%1\" is not an http or https URL.").arg(url); },
                TestTone::Bad);
        m_testUrls.insert(id, url);
    }
    showTestResult([name] { return tr("Testing \"%1\"...").arg(name); }, TestTone::Busy);
    m_test->setEnabled(false);
    client::CredentialsApi(*m_client).test(
        id, url, client::within(this, [this, name](Result<client::CredentialTestResult> r) {
            updateActions();
            if (!r)
                return showTestResult(
                    [name, error = r.error(), role = m_me.role] {
                        return tr("\"%1\" could not be tested: %2")
                            .arg(name, AdminText::error(error, role));
                    },
                    TestTone::Bad);
            // The server's message (its words) as it came; the rest follows
            // the language.
            const qint64 ms = r->durationMs;
            const QString message = r->message;
            if (r->success)
                showTestResult(
                    [name, ms, message] {
                        return tr("\"%1\" works (%2 ms): %3")
                            .arg(name, QLocale().toString(ms), message);
                    },
                    TestTone::Good);
            else
                showTestResult(
                    [name, ms, message] {
                        return tr("\"%1\" was refused (%2 ms): %3")
                            .arg(name, QLocale().toString(ms), message);
                    },
                    TestTone::Bad);
        }));
}

void CredentialsPage::deleteSelected()
{
    const client::CredentialInfo *c = selected();
    if (!m_client || !c || !mayChange(*c))
        return;
    m_message.clear();
    const QString id = c->id;
    const QString name = c->name;
    if (!MessageBox::confirm(this, tr("Delete credential"),
                             tr("Delete \"%1\"? Its secret is destroyed; whatever signs in with "
                                "it stops working. This cannot be undone.")
                                 .arg(name),
                             tr("Delete"), QStringLiteral("credentials.confirmDelete"),
                             MessageBox::Confirm::Destructive))
        return;
    client::CredentialsApi(*m_client).remove(
        id, client::within(this, [this, id, name](Result<void> r) {
            if (r) {
                m_model->remove(id);
                showState();
                return;
            }
            const QList<client::CredentialUsage> usages = client::credentialUsages(r.error());
            if (usages.isEmpty())
                return failed([] { return tr("The credential was not deleted: %1"); }, r.error());
            QStringList lines;
            for (const client::CredentialUsage &u : usages)
                lines << tr("• %1 (%2)")
                             .arg(u.name.isEmpty() ? u.id : u.name,
                                  CredentialText::usageKind(u.type));
            MessageBox::warning(this, tr("Credential in use"),
                                tr("\"%1\" is still used and was not deleted. Remove it from "
                                   "these first:\n%2")
                                    .arg(name, lines.join(u'\n')),
                                QMessageBox::Ok, QMessageBox::Ok,
                                QStringLiteral("credentials.inUse"));
        }));
}

} // namespace hm::app
