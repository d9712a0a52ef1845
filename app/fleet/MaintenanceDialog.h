#pragma once

#include "client/AlertTypes.h"
#include "fleet/NodeScopePicker.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QDateTimeEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace hm {
struct Error;
}
namespace hm::client {
class ApiClient;
}

namespace hm::app {

// Plans a maintenance window (administrators): a name, when it starts (now
// by default), how long it lasts (a choice of lengths, or until a time
// given) and which nodes it covers (all, one, or those with a label).
// While it lasts the rules raise no alert on those nodes. Checked as typed
// (ends after it starts, not over already, at most 30 days); the server's
// refusal shows under the field it names. objectNames `alerts.maintenance.*`.
class MaintenanceDialog final : public QDialog
{
    Q_OBJECT

public:
    MaintenanceDialog(client::ApiClient *client, const NodeScopePicker::NodeNames &nodes,
                      QWidget *parent = nullptr);
    ~MaintenanceDialog() override;

    // The window the server made (after accept()).
    const client::MaintenanceWindowRow &window() const { return m_window; }
    client::MaintenanceWindowChange change() const;
    // The time the dialog goes by (tests set it); the system clock if unset.
    void setClock(std::function<QDateTime()> clock);

protected:
    void changeEvent(QEvent *event) override;

private:
    QDateTime now() const;
    void lengthChanged();
    void retranslateUi();
    void validate();
    void submit();
    void showError(const hm::Error &error);

    QPointer<client::ApiClient> m_client;
    client::MaintenanceWindowRow m_window;
    std::function<QDateTime()> m_clock;
    bool m_sending = false;
    QLabel *m_intro = nullptr;
    QLabel *m_nameLabel = nullptr;
    QLineEdit *m_name = nullptr;
    QLabel *m_nameError = nullptr;
    QLabel *m_startsLabel = nullptr;
    QDateTimeEdit *m_starts = nullptr;
    QLabel *m_startsError = nullptr;
    QLabel *m_lengthLabel = nullptr;
    QComboBox *m_length = nullptr;
    QLabel *m_endsLabel = nullptr;
    QDateTimeEdit *m_ends = nullptr;
    QLabel *m_endsError = nullptr;
    QLabel *m_scopeLabel = nullptr;
    NodeScopePicker *m_scope = nullptr;
    QLabel *m_scopeError = nullptr;
    QLabel *m_error = nullptr;
    QDialogButtonBox *m_buttons = nullptr;
};

} // namespace hm::app
