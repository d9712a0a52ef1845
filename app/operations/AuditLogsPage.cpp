#include "operations/AuditLogsPage.h"

#include "client/ApiClient.h"
#include "client/NodesApi.h"
#include "client/SystemApi.h"
#include "client/UsersApi.h"
#include "client/Within.h"
#include "operations/AuditActions.h"
#include "operations/AuditResourceText.h"
#include "operations/OperationsText.h"
#include "operations/RemoteRowsModel.h"
#include "widgets/DateTimeText.h"
#include "widgets/LiveEvents.h"
#include "widgets/MessageBox.h"
#include "widgets/PageFrame.h"
#include "widgets/WrappingLayout.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeEdit>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSaveFile>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QVBoxLayout>
#include <algorithm>

namespace hm::app {

namespace {

QTableView *createTable(QAbstractItemModel *model, const QString &objectName, QWidget *parent)
{
    auto *view = new QTableView(parent);
    view->setObjectName(objectName);
    view->setModel(model);
    view->setSelectionBehavior(QAbstractItemView::SelectRows);
    view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    view->setAlternatingRowColors(true);
    view->setWordWrap(false);
    view->verticalHeader()->hide();
    view->verticalHeader()->setDefaultSectionSize(26);
    view->horizontalHeader()->setStretchLastSection(true);
    return view;
}

QLabel *caption(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(QStringLiteral("fieldCaption"));
    return label;
}

// One filter of a filter bar: its caption (if any) over its inputs, which
// sit at the foot of the row so that every input of a row lines up. The
// bar is a WrappingLayout: a narrow window wraps it into more rows.
QWidget *filterField(WrappingLayout *bar, QWidget *parent, QLabel *label,
                     std::initializer_list<QWidget *> inputs, bool grows = false)
{
    auto *field = new QWidget(parent);
    field->setSizePolicy(grows ? QSizePolicy::Expanding : QSizePolicy::Preferred,
                         QSizePolicy::Preferred);
    auto *layout = new QVBoxLayout(field);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addStretch(1);
    if (label)
        layout->addWidget(label);
    auto *row = new QHBoxLayout;
    row->setSpacing(6);
    for (QWidget *input : inputs)
        row->addWidget(input, 1);
    layout->addLayout(row);
    bar->addWidget(field);
    return field;
}

// Seconds back from now for a period combo's entry; 0 = any time, -1 = custom.
constexpr int kCustom = -1;

QDateTime periodStart(const QComboBox *combo)
{
    const int seconds = combo->currentData().toInt();
    return seconds > 0 ? QDateTime::currentDateTimeUtc().addSecs(-seconds) : QDateTime();
}

} // namespace

AuditLogsPage::AuditLogsPage(QWidget *parent)
    : QWidget(parent), m_auditModel(new AuditListModel(this)), m_logModel(new LogListModel(this)),
      m_live(new LiveEvents(this))
{
    setObjectName(QStringLiteral("page.audit"));
    const PageFrame frame = createPageFrame(this);
    QVBoxLayout *layout = frame.layout;
    m_title = frame.title;
    m_subtitle = frame.subtitle;

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("auditLogs.tabs"));
    m_tabs->addTab(createAuditTab(), QString());
    m_tabs->addTab(createLogsTab(), QString());
    layout->addWidget(m_tabs, 1);

    m_tail.setInterval(2000);
    connect(&m_tail, &QTimer::timeout, this, [this] { m_logModel->poll(); });
    // A new audit entry (anyone's, on any console or the API): the first
    // page again, merged on top (RemoteListModel::refresh); a burst of them
    // costs one request. After a dropped connection too: entries may have
    // been missed.
    m_auditRefresh.setSingleShot(true);
    m_auditRefresh.setInterval(200);
    connect(&m_auditRefresh, &QTimer::timeout, m_auditModel, &AuditListModel::refresh);
    connect(m_live, &LiveEvents::message, this, [this](const QString &type) {
        if (type == QLatin1String("audit_logged") && !m_auditRefresh.isActive())
            m_auditRefresh.start();
    });
    connect(m_live, &LiveEvents::reopened, m_auditModel, &AuditListModel::refresh);
    connect(m_auditModel, &RemoteListModel::stateChanged, this, &AuditLogsPage::updateAuditStatus);
    connect(m_auditModel, &QAbstractItemModel::rowsInserted, this,
            &AuditLogsPage::updateAuditStatus);
    connect(m_logModel, &RemoteListModel::stateChanged, this, &AuditLogsPage::updateLogStatus);
    connect(m_logModel, &QAbstractItemModel::rowsInserted, this, &AuditLogsPage::updateLogStatus);
    connect(m_auditModel, &RemoteListModel::fetchFailed, this, [this](const hm::Error &e) {
        m_auditStatus->setText(describeOperationsError(e, tr("read the audit trail")));
    });
    connect(m_logModel, &RemoteListModel::fetchFailed, this, [this](const hm::Error &e) {
        m_logStatus->setText(describeOperationsError(e, tr("read the server logs")));
    });
    retranslate();
    updateRoleState();
}

QWidget *AuditLogsPage::createAuditTab()
{
    auto *tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("audit.tab"));
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(12, 12, 12, 12);
    auto *filters = new WrappingLayout(nullptr, 10, 8);
    layout->addLayout(filters);

    m_auditUserLabel = caption(tab);
    m_auditUser = new QComboBox(tab);
    m_auditUser->setObjectName(QStringLiteral("audit.user"));
    m_auditUser->setEditable(true);
    m_auditUser->setMinimumContentsLength(14);
    m_auditCategoryLabel = caption(tab);
    m_auditCategory = new QComboBox(tab);
    m_auditCategory->setObjectName(QStringLiteral("audit.category"));
    m_auditCategory->setMinimumContentsLength(12);
    // The actions offered: the translated names (the code as data) of the
    // category chosen; free text matches part of a code or of a name.
    m_auditActionLabel = caption(tab);
    m_auditAction = new QComboBox(tab);
    m_auditAction->setObjectName(QStringLiteral("audit.action"));
    m_auditAction->setEditable(true);
    m_auditAction->setInsertPolicy(QComboBox::NoInsert);
    m_auditAction->setMinimumContentsLength(16);
    m_auditResourceLabel = caption(tab);
    m_auditResource = new QComboBox(tab);
    m_auditResource->setObjectName(QStringLiteral("audit.resource"));
    m_auditResource->setEditable(true);
    m_auditResource->setMinimumContentsLength(10);
    // Each kind by its name, its code as the item's data; a code typed
    // (a newer server's kind) is sent as it is.
    m_auditResource->setInsertPolicy(QComboBox::NoInsert);
    m_auditResource->addItem(QString());
    for (const QString &code : auditResourceTypes())
        m_auditResource->addItem(auditResourceTypeName(code), code);
    // A node's entries: its remote actions, terminals and changes (issue 38).
    m_auditNodeLabel = caption(tab);
    m_auditNode = new QComboBox(tab);
    m_auditNode->setObjectName(QStringLiteral("audit.node"));
    m_auditNode->setMinimumContentsLength(12);
    m_auditNode->addItem(QString()); // "All nodes" (retranslateUi)
    m_auditPeriodLabel = caption(tab);
    m_auditPeriod = new QComboBox(tab);
    m_auditPeriod->setObjectName(QStringLiteral("audit.period"));
    m_auditFrom = new QDateTimeEdit(QDateTime::currentDateTime().addDays(-1), tab);
    m_auditFrom->setObjectName(QStringLiteral("audit.from"));
    m_auditFrom->setCalendarPopup(true);
    m_auditTo = new QDateTimeEdit(QDateTime::currentDateTime().addSecs(3600), tab);
    m_auditTo->setObjectName(QStringLiteral("audit.to"));
    m_auditTo->setCalendarPopup(true);
    m_auditApply = new QPushButton(tab);
    m_auditApply->setObjectName(QStringLiteral("audit.apply"));
    m_auditApply->setDefault(true);
    m_auditExportFormat = new QComboBox(tab);
    m_auditExportFormat->setObjectName(QStringLiteral("audit.exportFormat"));
    for (const char *format : {"csv", "json", "txt"})
        m_auditExportFormat->addItem(QString::fromLatin1(format).toUpper(),
                                     QString::fromLatin1(format));
    m_auditExport = new QPushButton(tab);
    m_auditExport->setObjectName(QStringLiteral("audit.export"));

    filterField(filters, tab, m_auditUserLabel, {m_auditUser});
    filterField(filters, tab, m_auditCategoryLabel, {m_auditCategory});
    filterField(filters, tab, m_auditActionLabel, {m_auditAction});
    filterField(filters, tab, m_auditResourceLabel, {m_auditResource});
    filterField(filters, tab, m_auditNodeLabel, {m_auditNode});
    filterField(filters, tab, m_auditPeriodLabel, {m_auditPeriod});
    QWidget *range = filterField(filters, tab, nullptr, {m_auditFrom, m_auditTo});
    filterField(filters, tab, nullptr, {m_auditApply});

    auto *actions = new QHBoxLayout;
    actions->addStretch(1);
    actions->addWidget(m_auditExportFormat);
    actions->addWidget(m_auditExport);
    layout->addLayout(actions);

    m_auditView = createTable(m_auditModel, QStringLiteral("audit.list"), tab);
    m_auditView->horizontalHeader()->resizeSection(AuditListModel::TimeColumn, 150);
    // As wide as the actions listed (their names in the language shown),
    // measured by the view with the style's cell padding and font, so none
    // is cut in any language or theme; also codes the console does not
    // know.
    m_auditView->horizontalHeader()->setSectionResizeMode(AuditListModel::ActionColumn,
                                                          QHeaderView::ResizeToContents);
    // The header measures again when scrolled or resized, not when rows
    // arrive (a filter's page after a reset left it as narrow as the
    // header's word): asked to once the view has laid the rows out.
    const auto fitActions = [this] {
        m_auditView->resizeColumnToContents(AuditListModel::ActionColumn);
    };
    connect(m_auditModel, &QAbstractItemModel::rowsInserted, this, fitActions,
            Qt::QueuedConnection);
    connect(m_auditModel, &QAbstractItemModel::modelReset, this, fitActions, Qt::QueuedConnection);
    m_auditView->horizontalHeader()->resizeSection(AuditListModel::ResourceColumn, 200);
    layout->addWidget(m_auditView, 1);
    m_auditStatus = new QLabel(tab);
    m_auditStatus->setObjectName(QStringLiteral("audit.status"));
    m_auditStatus->setWordWrap(true);
    layout->addWidget(m_auditStatus);

    const auto customPeriod = [this, range] {
        const bool custom = m_auditPeriod->currentData().toInt() == kCustom;
        range->setVisible(custom);
        m_auditFrom->setVisible(custom);
        m_auditTo->setVisible(custom);
    };
    connect(m_auditPeriod, &QComboBox::currentIndexChanged, this, customPeriod);
    connect(m_auditApply, &QPushButton::clicked, this, &AuditLogsPage::applyAuditFilter);
    connect(m_auditExport, &QPushButton::clicked, this, &AuditLogsPage::exportAudit);
    connect(m_auditCategory, &QComboBox::currentIndexChanged, this, &AuditLogsPage::fillActions);
    connect(m_auditAction->lineEdit(), &QLineEdit::returnPressed, this,
            &AuditLogsPage::applyAuditFilter);
    connect(m_auditUser->lineEdit(), &QLineEdit::returnPressed, this,
            &AuditLogsPage::applyAuditFilter);
    fillPeriods(m_auditPeriod);
    customPeriod();
    return tab;
}

QWidget *AuditLogsPage::createLogsTab()
{
    auto *tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("logs.tab"));
    auto *layout = new QVBoxLayout(tab);
    layout->setContentsMargins(12, 12, 12, 12);
    auto *filters = new WrappingLayout(nullptr, 10, 8);
    layout->addLayout(filters);
    filters->setFillRows(true);

    m_logLevelLabel = caption(tab);
    m_logLevel = new QComboBox(tab);
    m_logLevel->setObjectName(QStringLiteral("logs.level"));
    m_logModuleLabel = caption(tab);
    m_logModule = new QLineEdit(tab);
    m_logModule->setObjectName(QStringLiteral("logs.module"));
    m_logModule->setClearButtonEnabled(true);
    m_logSearchLabel = caption(tab);
    m_logSearch = new QLineEdit(tab);
    m_logSearch->setObjectName(QStringLiteral("logs.search"));
    m_logSearch->setClearButtonEnabled(true);
    m_logPeriodLabel = caption(tab);
    m_logPeriod = new QComboBox(tab);
    m_logPeriod->setObjectName(QStringLiteral("logs.period"));
    m_logApply = new QPushButton(tab);
    m_logApply->setObjectName(QStringLiteral("logs.apply"));
    m_liveTail = new QCheckBox(tab);
    m_liveTail->setObjectName(QStringLiteral("logs.liveTail"));
    m_exportFormat = new QComboBox(tab);
    m_exportFormat->setObjectName(QStringLiteral("logs.exportFormat"));
    for (const char *format : {"csv", "json", "txt"})
        m_exportFormat->addItem(QString::fromLatin1(format).toUpper(), QString::fromLatin1(format));
    m_export = new QPushButton(tab);
    m_export->setObjectName(QStringLiteral("logs.export"));

    filterField(filters, tab, m_logLevelLabel, {m_logLevel});
    filterField(filters, tab, m_logModuleLabel, {m_logModule}, true);
    filterField(filters, tab, m_logSearchLabel, {m_logSearch}, true);
    filterField(filters, tab, m_logPeriodLabel, {m_logPeriod});
    filterField(filters, tab, nullptr, {m_logApply});

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_liveTail);
    actions->addStretch(1);
    actions->addWidget(m_exportFormat);
    actions->addWidget(m_export);
    layout->addLayout(actions);

    m_logView = createTable(m_logModel, QStringLiteral("logs.list"), tab);
    m_logView->horizontalHeader()->resizeSection(LogListModel::TimeColumn, 150);
    m_logView->horizontalHeader()->resizeSection(LogListModel::LevelColumn, 80);
    m_logView->horizontalHeader()->resizeSection(LogListModel::ModuleColumn, 200);
    layout->addWidget(m_logView, 1);
    m_logStatus = new QLabel(tab);
    m_logStatus->setObjectName(QStringLiteral("logs.status"));
    m_logStatus->setWordWrap(true);
    layout->addWidget(m_logStatus);

    connect(m_logApply, &QPushButton::clicked, this, &AuditLogsPage::applyLogFilter);
    connect(m_logSearch, &QLineEdit::returnPressed, this, &AuditLogsPage::applyLogFilter);
    connect(m_logModule, &QLineEdit::returnPressed, this, &AuditLogsPage::applyLogFilter);
    connect(m_export, &QPushButton::clicked, this, &AuditLogsPage::exportLogs);
    connect(m_liveTail, &QCheckBox::toggled, this, [this](bool on) {
        if (on && isAdmin() && m_client) {
            m_logModel->poll();
            m_tail.start();
        } else {
            m_tail.stop();
        }
        updateLogStatus();
    });
    fillPeriods(m_logPeriod);
    return tab;
}

void AuditLogsPage::fillPeriods(QComboBox *combo)
{
    const int index = combo->currentIndex();
    const bool custom = combo == m_auditPeriod;
    const QSignalBlocker block(combo);
    combo->clear();
    combo->addItem(tr("Any time"), 0);
    combo->addItem(tr("Last hour"), 3600);
    combo->addItem(tr("Last 24 hours"), 24 * 3600);
    combo->addItem(tr("Last 7 days"), 7 * 24 * 3600);
    combo->addItem(tr("Last 30 days"), 30 * 24 * 3600);
    if (custom)
        combo->addItem(tr("Custom range"), kCustom);
    combo->setCurrentIndex(index < 0 ? 0 : index);
}

void AuditLogsPage::fillCategories()
{
    const QString current = m_auditCategory->currentData().toString();
    {
        const QSignalBlocker block(m_auditCategory);
        m_auditCategory->clear();
        m_auditCategory->addItem(tr("All categories"), QString());
        for (const QString &category : auditCategories())
            m_auditCategory->addItem(auditCategoryName(category), category);
        m_auditCategory->setCurrentIndex(std::max(0, m_auditCategory->findData(current)));
    }
    fillActions();
}

void AuditLogsPage::fillActions()
{
    // What is typed or picked stays, in the language now shown (an item
    // picked is found among the names of the language it was listed in).
    const QString typed = m_auditAction->currentText().trimmed();
    const int listed = typed.isEmpty() ? -1 : m_auditAction->findText(typed);
    const QString picked =
        listed > 0 ? m_auditAction->itemData(listed).toString() : auditActionCodeOf(typed);
    const QSignalBlocker block(m_auditAction);
    m_auditAction->clear();
    m_auditAction->addItem(QString());
    for (const QString &code : auditActionCodes(m_auditCategory->currentData().toString()))
        m_auditAction->addItem(auditActionName(code), code);
    m_auditAction->setCurrentText(picked.isEmpty() ? typed : auditActionName(picked));
}

void AuditLogsPage::setClient(hm::client::ApiClient *client, const QString &role)
{
    if (client == m_client && role == m_role &&
        (client || m_auditModel->state() == RemoteListModel::State::Idle))
        return;
    m_client = client;
    m_role = role;
    updateRoleState();
    if (client && isAdmin()) {
        m_auditModel->setClient(client);
        m_live->setClient(client);
        m_logModel->setClient(client);
        loadUsers();
        loadNodes();
        if (m_liveTail->isChecked())
            m_tail.start();
    } else {
        m_tail.stop();
        m_live->setClient(nullptr);
        m_auditRefresh.stop();
        m_auditModel->setClient(nullptr);
        m_logModel->setClient(nullptr);
    }
    updateAuditStatus();
    updateLogStatus();
}

void AuditLogsPage::loadUsers()
{
    if (!m_client)
        return;
    hm::client::UserFilter filter;
    filter.page = {1, 100};
    hm::client::UsersApi(*m_client).list(
        filter, hm::client::within(this, [this](Result<hm::client::Page<hm::client::UserInfo>> r) {
            if (!r)
                return;
            const QString typed = m_auditUser->currentText();
            m_auditUser->clear();
            m_auditUser->addItem(QString());
            for (const hm::client::UserInfo &user : r.value().items)
                m_auditUser->addItem(user.username, user.id);
            m_auditUser->setCurrentText(typed);
        }));
}

void AuditLogsPage::loadNodes()
{
    if (!m_client)
        return;
    hm::client::NodeFilter filter;
    filter.page = {1, 100};
    hm::client::NodesApi(*m_client).list(
        filter, hm::client::within(this, [this](Result<hm::client::Page<hm::client::NodeRow>> r) {
            if (!r)
                return;
            const QString chosen = m_auditNode->currentData().toString();
            const QSignalBlocker block(m_auditNode);
            m_auditNode->clear();
            m_auditNode->addItem(tr("All nodes"));
            for (const hm::client::NodeRow &node : r.value().items)
                m_auditNode->addItem(node.name, node.id);
            m_auditNode->setCurrentIndex(std::max(0, m_auditNode->findData(chosen)));
        }));
}

void AuditLogsPage::applyAuditFilter()
{
    AuditListModel::Filter filter;
    // A user picked from the list filters by its id; typed text is taken
    // as an id (or a name the list knows).
    const QString typed = m_auditUser->currentText().trimmed();
    const int known = m_auditUser->findText(typed);
    filter.user = known > 0 ? m_auditUser->itemData(known).toString() : typed;
    // A name picked or typed as listed is its code; other text is matched
    // against the codes and names (AuditListModel::serverFilter).
    const QString action = m_auditAction->currentText().trimmed();
    const QString code = auditActionCodeOf(action);
    filter.action = code.isEmpty() ? action : code;
    filter.category = m_auditCategory->currentData().toString();
    filter.resourceType = auditResourceTypeOf(m_auditResource->currentText());
    filter.nodeId = m_auditNode->currentData().toString();
    // The node names the resource: a type typed beside it could only
    // contradict it (the server refuses that).
    if (!filter.nodeId.isEmpty())
        filter.resourceType.clear();
    if (m_auditPeriod->currentData().toInt() == kCustom) {
        filter.from = m_auditFrom->dateTime().toUTC();
        filter.to = m_auditTo->dateTime().toUTC();
    } else {
        filter.from = periodStart(m_auditPeriod);
    }
    if (filter == m_auditModel->filter())
        m_auditModel->reload();
    else
        m_auditModel->setFilter(filter);
}

void AuditLogsPage::applyLogFilter()
{
    hm::client::LogFilter filter;
    filter.level = m_logLevel->currentData().toString();
    filter.module = m_logModule->text().trimmed();
    filter.search = m_logSearch->text().trimmed();
    filter.from = periodStart(m_logPeriod);
    m_logModel->setFilter(filter);
}

void AuditLogsPage::exportLogs()
{
    runExport(ExportKind::Logs);
}

void AuditLogsPage::exportAudit()
{
    runExport(ExportKind::Audit);
}

// Both exports the same way: the file dialog through the seam, the
// server's export route with the filter of the list as shown (not what is
// typed but not applied), the answer written as a whole or not at all.
void AuditLogsPage::runExport(ExportKind kind)
{
    if (!m_client || !isAdmin())
        return;
    const bool audit = kind == ExportKind::Audit;
    const QString prefix = audit ? QStringLiteral("audit") : QStringLiteral("logs");
    QPushButton *button = audit ? m_auditExport : m_export;
    QLabel *status = audit ? m_auditStatus : m_logStatus;
    const QString title = audit ? tr("Export Audit Trail") : tr("Export Server Logs");
    const QString format = (audit ? m_auditExportFormat : m_exportFormat)->currentData().toString();
    QFileDialog dialog(this, title);
    dialog.setObjectName(prefix + QStringLiteral(".exportDialog"));
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    dialog.setFileMode(QFileDialog::AnyFile);
    dialog.setDefaultSuffix(format);
    dialog.setDirectory(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation));
    dialog.selectFile(QStringLiteral("hivemind-%1.%2").arg(prefix, format));
    dialog.setNameFilter(tr("%1 files (*.%2)").arg(format.toUpper(), format));
    if (DialogSeam::exec(&dialog) != QDialog::Accepted || dialog.selectedFiles().isEmpty())
        return;
    const QString path = dialog.selectedFiles().constFirst();
    button->setEnabled(false);
    status->setText(tr("Exporting…"));
    auto done = hm::client::within(
        this, [this, path, audit, button, status, title, prefix](Result<QByteArray> r) {
            button->setEnabled(isAdmin());
            status->clear();
            const QString failed = prefix + QStringLiteral(".exportFailed");
            if (!r) {
                const QString text = describeOperationsError(
                    r.error(), audit ? tr("export the audit trail") : tr("export the logs"));
                status->setText(text);
                MessageBox::warning(this, title, text, QMessageBox::Ok, QMessageBox::Ok, failed);
                return;
            }
            QSaveFile file(path);
            const bool written = file.open(QIODevice::WriteOnly) &&
                                 file.write(r.value()) == r.value().size() && file.commit();
            if (!written) {
                const QString text = tr("Could not write %1: %2")
                                         .arg(QDir::toNativeSeparators(path), file.errorString());
                status->setText(text);
                MessageBox::warning(this, title, text, QMessageBox::Ok, QMessageBox::Ok, failed);
                return;
            }
            const QString where = QDir::toNativeSeparators(path);
            m_exportMessage = audit ? tr("Saved the audit trail to %1.").arg(where)
                                    : tr("Saved the logs to %1.").arg(where);
            status->setText(m_exportMessage);
        });
    if (audit)
        hm::client::SystemApi(*m_client).exportAudit(m_auditModel->serverFilter(), format,
                                                     std::move(done));
    else
        hm::client::SystemApi(*m_client).exportLogs(m_logModel->filter(), format, std::move(done));
}

void AuditLogsPage::updateRoleState()
{
    const bool admin = isAdmin() && m_client;
    const QString why = !m_client ? tr("Sign in to read the audit trail and the server logs.")
                                  : tr("Only administrators may read the audit trail and the "
                                       "server logs; you are signed in as %1.")
                                        .arg(m_role);
    for (QWidget *w : std::initializer_list<QWidget *>{
             m_auditUser, m_auditCategory, m_auditAction, m_auditResource, m_auditNode, m_auditPeriod,
             m_auditFrom, m_auditTo, m_auditApply, m_auditExportFormat, m_auditExport, m_logLevel,
             m_logModule, m_logSearch, m_logPeriod, m_logApply, m_liveTail, m_exportFormat,
             m_export}) {
        w->setEnabled(admin);
        w->setToolTip(admin ? QString() : why);
    }
    if (admin) {
        m_export->setToolTip(tr("Download the records that match the filters as a file"));
        m_auditExport->setToolTip(tr("Download the entries that match the filters as a file"));
    }
}

void AuditLogsPage::updateAuditStatus()
{
    if (!m_client || !isAdmin()) {
        m_auditStatus->setText(!m_client ? tr("Sign in to read the audit trail.")
                                         : tr("Only administrators may read the audit trail."));
        return;
    }
    switch (m_auditModel->state()) {
    case RemoteListModel::State::Idle:
        m_auditStatus->clear();
        break;
    case RemoteListModel::State::Loading:
        m_auditStatus->setText(tr("Loading…"));
        break;
    case RemoteListModel::State::Error:
        m_auditStatus->setText(
            describeOperationsError(m_auditModel->error(), tr("read the audit trail")));
        break;
    case RemoteListModel::State::Ready:
        m_auditStatus->setText(
            m_auditModel->totalOnServer() == 0
                ? tr("No audit entries match these filters.")
                : tr("Showing %1 of %n entries", "", int(m_auditModel->totalOnServer()))
                      .arg(QLocale().toString(m_auditModel->rowCount())));
        break;
    }
}

void AuditLogsPage::updateLogStatus()
{
    if (!m_client || !isAdmin()) {
        m_logStatus->setText(!m_client ? tr("Sign in to read the server logs.")
                                       : tr("Only administrators may read the server logs."));
        return;
    }
    switch (m_logModel->state()) {
    case RemoteListModel::State::Idle:
        m_logStatus->clear();
        break;
    case RemoteListModel::State::Loading:
        m_logStatus->setText(tr("Loading…"));
        break;
    case RemoteListModel::State::Error:
        m_logStatus->setText(
            describeOperationsError(m_logModel->error(), tr("read the server logs")));
        break;
    case RemoteListModel::State::Ready: {
        QString text = m_logModel->totalOnServer() == 0
                           ? tr("No log records match these filters.")
                           : tr("Showing %1 of %n records", "", int(m_logModel->totalOnServer()))
                                 .arg(QLocale().toString(m_logModel->rowCount()));
        if (m_liveTail->isChecked())
            text = tr("%1 Following new records live.").arg(text);
        m_logStatus->setText(text);
        break;
    }
    }
}

void AuditLogsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    // Opened again: whatever happened while it was hidden, on top (a
    // dropped /ws/events loses audit_logged messages).
    if (m_client && isAdmin() && m_auditModel->state() == RemoteListModel::State::Ready)
        m_auditModel->refresh();
}

void AuditLogsPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void AuditLogsPage::retranslate()
{
    m_title->setText(tr("Audit & Logs"));
    m_subtitle->setText(tr("Who did what on this server, and what the server itself reported. "
                           "Administrators only."));
    m_tabs->setTabText(0, tr("Audit trail"));
    m_tabs->setTabText(1, tr("Server logs"));
    m_auditUserLabel->setText(tr("User"));
    m_auditUser->lineEdit()->setPlaceholderText(tr("Any user"));
    m_auditCategoryLabel->setText(tr("Category"));
    fillCategories();
    m_auditActionLabel->setText(tr("Action"));
    m_auditAction->lineEdit()->setPlaceholderText(tr("Any action"));
    // On the line edit: the role state owns the combo's own tooltip.
    m_auditAction->lineEdit()->setToolTip(tr("Pick an action, or type part of its name or code"));
    m_auditResourceLabel->setText(tr("Resource type"));
    m_auditNodeLabel->setText(tr("Node"));
    m_auditNode->setItemText(0, tr("All nodes"));
    m_auditResource->lineEdit()->setPlaceholderText(tr("Any resource"));
    for (int i = 1; i < m_auditResource->count(); ++i)
        m_auditResource->setItemText(
            i, auditResourceTypeName(m_auditResource->itemData(i).toString()));
    m_auditPeriodLabel->setText(tr("Time"));
    m_auditFrom->setDisplayFormat(dateTimeFormat());
    m_auditTo->setDisplayFormat(dateTimeFormat());
    refreshTexts(m_auditModel);
    refreshTexts(m_logModel);
    m_auditApply->setText(tr("Apply"));
    m_auditExport->setText(tr("Export…"));
    m_logLevelLabel->setText(tr("Level"));
    {
        const int index = m_logLevel->currentIndex();
        const QSignalBlocker block(m_logLevel);
        m_logLevel->clear();
        m_logLevel->addItem(tr("All levels"), QString());
        m_logLevel->addItem(tr("Info and above"), QStringLiteral("INFO"));
        m_logLevel->addItem(tr("Warnings and above"), QStringLiteral("WARN"));
        m_logLevel->addItem(tr("Errors and above"), QStringLiteral("ERROR"));
        m_logLevel->addItem(tr("Critical only"), QStringLiteral("CRITICAL"));
        m_logLevel->setCurrentIndex(index < 0 ? 0 : index);
    }
    m_logModuleLabel->setText(tr("Module"));
    m_logModule->setPlaceholderText(tr("e.g. %1").arg(QStringLiteral("hivemind.server")));
    m_logSearchLabel->setText(tr("Search"));
    m_logSearch->setPlaceholderText(tr("Text in the message"));
    m_logPeriodLabel->setText(tr("Time"));
    m_logApply->setText(tr("Apply"));
    m_liveTail->setText(tr("Live tail"));
    m_export->setText(tr("Export…"));
    fillPeriods(m_auditPeriod);
    fillPeriods(m_logPeriod);
    updateRoleState();
    updateAuditStatus();
    updateLogStatus();
}

} // namespace hm::app
