#pragma once

#include "common/Result.h"
#include "widgets/MessageLine.h"

#include <QDialog>
#include <QJsonObject>
#include <QJsonValue>
#include <QPointer>

class QComboBox;
class QFormLayout;
class QLabel;
class QPushButton;
class QSpinBox;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// A flow's history retention (Flows › History Retention…; docs/api.md
// "History retention"): how long its ended executions are kept and how
// many at most. Each limit either follows the server's setting (Settings ›
// Retention, shown with its value), is the flow's own number, or is "no
// limit"; the line under it says what applies now and where it comes from.
// "Use the server's settings" resets both; Save sends what changed (PUT
// /flows/{id}/retention, null = the server's setting). Read-only without
// edit permission on the flow. Shown through DialogSeam::exec. Widgets are
// named `flows.retention.<field>` (ageMode, ageDays, ageEffective,
// countMode, count, countEffective, reset, save, message, close).
class FlowRetentionDialog final : public QDialog
{
    Q_OBJECT

public:
    // How a limit is set; the order of the mode combo boxes.
    enum Mode
    {
        FollowServer,
        OwnLimit,
        NoLimit
    };

    FlowRetentionDialog(client::ApiClient *client, const QString &flowId, const QString &flowName,
                        bool editable, QWidget *parent = nullptr);

    bool isBusy() const { return m_busy > 0; }
    // The flow's settings as last read or saved ({max_age_days,
    // max_executions}, null = the server's).
    const QJsonObject &stored() const { return m_stored; }
    // What Save would send: the limits whose form differs from stored().
    QJsonObject changes() const;
    QString message() const;

public slots:
    void save();
    void resetToServer();

signals:
    void callFinished();

protected:
    void changeEvent(QEvent *event) override;

private:
    struct Limit
    {
        QString key;       // max_age_days / max_executions
        QString globalKey; // retention.<key> of /system/config
        QComboBox *mode = nullptr;
        QSpinBox *value = nullptr;
        QLabel *effective = nullptr;
        QLabel *caption = nullptr;
    };
    void load();
    void fill();
    void retranslate();
    void updateState();
    void showError(const hm::Error &error);
    void callEnded();
    QJsonValue formValue(const Limit &limit) const;
    QString amount(const Limit &limit, qint64 value) const;

    QPointer<client::ApiClient> m_client;
    QString m_flowId;
    QString m_flowName;
    bool m_editable;
    int m_busy = 0;
    bool m_loaded = false;
    QJsonObject m_stored;
    QJsonObject m_global; // retention.* of /system/config; empty when unknown

    QLabel *m_intro;
    QFormLayout *m_form;
    Limit m_age;
    Limit m_count;
    QLabel *m_readOnly;
    QLabel *m_message;
    MessageLine *m_messageLine = nullptr; // says it again in a new language
    QPushButton *m_reset;
    QPushButton *m_save;
    QPushButton *m_close;
};

} // namespace hm::app
