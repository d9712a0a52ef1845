#pragma once

#include "inspector/EditGestures.h"

#include <QJsonObject>
#include <QWidget>

class QLabel;
class QPlainTextEdit;

namespace hm::app {

class FlowGraphModel;

// The JSON tab: the selected node's config (or, with no node selected, the
// flow's settings) as JSON text, edited in place. Text that is not a JSON
// object, a config that breaks the component's schema (valijson) or
// settings FlowSettings refuses are listed under the text and not applied;
// valid text is applied as it is typed, one undo step per editing session.
// The text is rewritten only when the value changes elsewhere, so the
// user's layout of it stays while typing. Objects: "inspector.json.text",
// "inspector.json.message".
class RawJsonEditor final : public QWidget
{
    Q_OBJECT

public:
    explicit RawJsonEditor(FlowGraphModel *model, QWidget *parent = nullptr);

    // A node's config, or the settings when `nodeId` is empty.
    void setNode(const QString &nodeId);
    const QString &node() const { return m_node; }
    void refresh();
    QPlainTextEdit *textEdit() const { return m_text; }
    QString message() const;

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QJsonObject current() const;
    void onTextChanged();
    void retranslate();

    FlowGraphModel *m_model;
    QString m_node;
    QLabel *m_caption;
    QPlainTextEdit *m_text;
    QLabel *m_message;
    EditGestures m_gestures;
    bool m_loading = false;
    bool m_applying = false;
};

} // namespace hm::app
