#pragma once

#include "client/ApiClient.h"
#include "widgets/SectionPage.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;
class QTableView;

namespace hm {
struct Error;
}

namespace hm::app {

class AuditListModel;
class LiveEvents;
class LogListModel;

// The Audit & Logs section (issue 12, item 4): the audit trail and the
// server's recent log records, both lazy remote lists filtered on the
// server. The audit trail follows the server live (/ws/events'
// audit_logged asks for its first page again) and names each action in the
// user's language (AuditActions.h), filtered by category and by a code or
// name typed; the logs follow the server live too (the tail polls GET
// /logs with after_id, see docs/api.md). Both export as json/csv/txt
// through the server's export routes to a file the user picks. Both need
// an ADMIN: for other roles everything is disabled and says why.
class AuditLogsPage : public QWidget, public SectionPage
{
    Q_OBJECT

public:
    explicit AuditLogsPage(QWidget *parent = nullptr);

    // The signed-in client (null: nobody) and its role ("admin", "user",
    // "viewer"); loads both lists when the role may read them.
    void setClient(hm::client::ApiClient *client, const QString &role);

    // SectionPage: the signed-in client and role.
    QWidget *widget() override { return this; }
    void applySession(const Session &session) override
    {
        setClient(session.signedInClient(), session.user.role);
    }
    bool wantsSignedInGate() const override { return false; }
    AuditListModel *auditModel() const { return m_auditModel; }
    LogListModel *logModel() const { return m_logModel; }
    // How often the live tail asks (default 2 s).
    void setTailIntervalMs(int ms) { m_tail.setInterval(ms); }

public slots:
    void applyAuditFilter();
    void applyLogFilter();
    void exportLogs();
    void exportAudit();

protected:
    void changeEvent(QEvent *event) override;
    void showEvent(QShowEvent *event) override;

private:
    enum class ExportKind
    {
        Audit,
        Logs
    };
    void runExport(ExportKind kind);
    void fillActions();
    void fillCategories();
    QWidget *createAuditTab();
    QWidget *createLogsTab();
    void retranslate();
    void updateRoleState();
    void updateAuditStatus();
    void updateLogStatus();
    void fillPeriods(QComboBox *combo);
    void loadUsers();
    void loadNodes();
    bool isAdmin() const { return m_role == QLatin1String("admin"); }

    QPointer<hm::client::ApiClient> m_client;
    QString m_role;
    AuditListModel *m_auditModel;
    LogListModel *m_logModel;
    QTimer m_tail;
    LiveEvents *m_live;
    // Coalesces a burst of audit_logged into one request.
    QTimer m_auditRefresh;
    QString m_exportMessage;

    QLabel *m_title = nullptr;
    QLabel *m_subtitle = nullptr;
    QTabWidget *m_tabs = nullptr;
    // audit
    QLabel *m_auditUserLabel = nullptr;
    QComboBox *m_auditUser = nullptr;
    QLabel *m_auditCategoryLabel = nullptr;
    QComboBox *m_auditCategory = nullptr;
    QLabel *m_auditActionLabel = nullptr;
    QComboBox *m_auditAction = nullptr;
    QLabel *m_auditResourceLabel = nullptr;
    QComboBox *m_auditResource = nullptr;
    QLabel *m_auditNodeLabel = nullptr;
    QComboBox *m_auditNode = nullptr; // "" (any) and the nodes, their ids as data
    QLabel *m_auditPeriodLabel = nullptr;
    QComboBox *m_auditPeriod = nullptr;
    QDateTimeEdit *m_auditFrom = nullptr;
    QDateTimeEdit *m_auditTo = nullptr;
    QPushButton *m_auditApply = nullptr;
    QComboBox *m_auditExportFormat = nullptr;
    QPushButton *m_auditExport = nullptr;
    QTableView *m_auditView = nullptr;
    QLabel *m_auditStatus = nullptr;
    // logs
    QLabel *m_logLevelLabel = nullptr;
    QComboBox *m_logLevel = nullptr;
    QLabel *m_logModuleLabel = nullptr;
    QLineEdit *m_logModule = nullptr;
    QLabel *m_logSearchLabel = nullptr;
    QLineEdit *m_logSearch = nullptr;
    QLabel *m_logPeriodLabel = nullptr;
    QComboBox *m_logPeriod = nullptr;
    QPushButton *m_logApply = nullptr;
    QCheckBox *m_liveTail = nullptr;
    QComboBox *m_exportFormat = nullptr;
    QPushButton *m_export = nullptr;
    QTableView *m_logView = nullptr;
    QLabel *m_logStatus = nullptr;
};

} // namespace hm::app
