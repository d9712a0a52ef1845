#pragma once

#include "widgets/LocalizedText.h"

#include <QJsonObject>
#include <QPointer>
#include <QWidget>

class QChart;
class QChartView;
class QDateTimeAxis;
class QFormLayout;
class QGroupBox;
class QLabel;
class QLineSeries;
class QPushButton;
class QSpinBox;
class QValueAxis;

namespace hm::client {
class ApiClient;
}

namespace hm::app {

// Settings → Retention (issue 37 item 8, "History retention and a full
// disk"): the global history retention of /system/config (`retention`:
// max age in days, max executions per flow, max database size in MiB; 0 =
// no limit), saved with only the changed keys, a pass started at once
// (POST /system/retention/run), and the store as GET /system/storage
// describes it: size, used, growth per hour, free space with its state
// (a warning when low or full) and the used size over the last day as a
// chart. Flows' own limits are set per flow (PUT /flows/{id}/retention).
// Changing needs ADMIN; everyone sees the figures. Widgets are named
// `retention.<field>` (maxAge, maxExecutions, maxDatabase, save, runNow,
// status, databaseSize, usedSize, growth, freeSpace, storageState, chart,
// chartEmpty).
class RetentionSettingsTab : public QWidget
{
    Q_OBJECT

public:
    explicit RetentionSettingsTab(QWidget *parent = nullptr);

    void setClient(hm::client::ApiClient *client, bool admin);
    // The retention section as last read, and what Save sends.
    const QJsonObject &settings() const { return m_settings; }
    QJsonObject changes() const;
    const QJsonObject &storage() const { return m_storage; }

public slots:
    void reload();
    void save();
    void runNow();

signals:
    void saved(bool ok);
    void ran(bool ok);

protected:
    void changeEvent(QEvent *event) override;

private:
    void fillForm();
    void fillStorage();
    void updateState();
    void retranslate();

    QPointer<hm::client::ApiClient> m_client;
    bool m_admin = false;
    int m_busy = 0;
    QJsonObject m_settings;
    QJsonObject m_storage;
    LocalizedText m_status;

    QLabel *m_readOnlyNote = nullptr;
    QGroupBox *m_limitsGroup = nullptr;
    QFormLayout *m_form = nullptr;
    QLabel *m_maxAgeCaption = nullptr;
    QSpinBox *m_maxAge = nullptr;
    QLabel *m_maxExecutionsCaption = nullptr;
    QSpinBox *m_maxExecutions = nullptr;
    QLabel *m_maxDatabaseCaption = nullptr;
    QSpinBox *m_maxDatabase = nullptr;
    QLabel *m_limitsHint = nullptr;
    QLabel *m_statusLabel = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_runNow = nullptr;

    QGroupBox *m_storeGroup = nullptr;
    QFormLayout *m_storeForm = nullptr;
    QLabel *m_databaseCaption = nullptr;
    QLabel *m_databaseSize = nullptr;
    QLabel *m_usedCaption = nullptr;
    QLabel *m_usedSize = nullptr;
    QLabel *m_growthCaption = nullptr;
    QLabel *m_growth = nullptr;
    QLabel *m_freeCaption = nullptr;
    QLabel *m_freeSpace = nullptr;
    QLabel *m_storageState = nullptr;
    QChart *m_chart = nullptr;
    QChartView *m_chartView = nullptr;
    QLineSeries *m_usedLine = nullptr;
    QDateTimeAxis *m_x = nullptr;
    QValueAxis *m_y = nullptr;
    QLabel *m_chartEmpty = nullptr;
};

} // namespace hm::app
