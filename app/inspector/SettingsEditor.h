#pragma once

#include "inspector/EditGestures.h"

#include <QHash>
#include <QJsonObject>
#include <QWidget>

class QComboBox;
class QDoubleSpinBox;
class QGroupBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace hm::app {

class FlowGraphModel;

// The Settings tab: the flow's settings (seed 003 §4.3 flow_versions
// .settings plus historyLevel, docs/flow-model.md "Settings JSON"):
//
//   concurrency.mode          allow | deny | queue | replace
//   concurrency.scope         flow | trigger_key
//   concurrency.maxInstances  >= 1
//   concurrency.scopeKey      $.trigger.<path> or a field name (trigger_key only)
//   timeout.flowTimeoutMs     >= 1
//   timeout.nodeTimeoutMs     >= 1
//   retry.maxAttempts         >= 1
//   retry.backoffMs           >= 0
//   retry.backoffMultiplier   >= 1
//   historyLevel              all | summary | none
//   notification.onComplete   JSON array
//   notification.onFail       JSON array
//
// Fields not set show their defaults. An edit writes only the member it
// changes into the settings JSON (the rest stays as it is), is checked with
// FlowSettings' rules and applied at once as one undo step per field edit;
// settings the rules refuse are shown at their field and not applied — and
// kept, so choosing the scope "trigger key" waits for its key to be typed
// and then applies both. Widgets are named "settings.<path>".
class SettingsEditor final : public QWidget
{
    Q_OBJECT

public:
    explicit SettingsEditor(FlowGraphModel *model, QWidget *parent = nullptr);

    // Shows the model's settings (after a change the editor did not make).
    void refresh();
    // The widget of a setting ("concurrency.mode"), for focus and tests.
    QWidget *fieldWidget(const QString &setting) const;
    // The message shown at a setting (empty: none).
    QString message(const QString &setting) const;
    void focusSetting(const QString &setting);

protected:
    void changeEvent(QEvent *event) override;

private:
    void build();
    void retranslate();
    void edit(const QString &path, const QJsonValue &value, QObject *field, bool finished);
    void showState();
    QLabel *messageLabel(const QString &setting) const;

    FlowGraphModel *m_model;
    QJsonObject m_pending; // the settings with the edits not yet applied
    EditGestures m_gestures;
    bool m_loading = false;
    bool m_applying = false;

    QGroupBox *m_concurrencyBox;
    QGroupBox *m_timeoutBox;
    QGroupBox *m_retryBox;
    QGroupBox *m_historyBox;
    QGroupBox *m_notificationBox;
    QComboBox *m_mode;
    QComboBox *m_scope;
    QSpinBox *m_maxInstances;
    QLineEdit *m_scopeKey;
    QSpinBox *m_flowTimeout;
    QSpinBox *m_nodeTimeout;
    QSpinBox *m_maxAttempts;
    QSpinBox *m_backoff;
    QDoubleSpinBox *m_multiplier;
    QComboBox *m_history;
    QLineEdit *m_onComplete;
    QLineEdit *m_onFail;
    QHash<QString, QWidget *> m_fields;  // setting path -> widget
    QHash<QString, QLabel *> m_captions; // setting path -> caption
    QHash<QString, QLabel *> m_messages; // setting path -> inline message
    QHash<QString, QLabel *> m_helps;    // setting path -> help text
};

} // namespace hm::app
