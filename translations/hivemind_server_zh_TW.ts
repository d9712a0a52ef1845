<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW" sourcelanguage="en">
<context>
    <name>AlertMail</name>
    <message>
        <source>CPU usage</source>
        <translation>處理器使用率</translation>
    </message>
    <message>
        <source>Memory usage</source>
        <translation>記憶體使用率</translation>
    </message>
    <message>
        <source>Disk usage</source>
        <translation>磁碟使用率</translation>
    </message>
    <message>
        <source>Network traffic</source>
        <translation>網路流量</translation>
    </message>
    <message>
        <source>Load (1 min)</source>
        <translation>負載（1 分鐘）</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>離線</translation>
    </message>
    <message>
        <source>Probe down</source>
        <translation>探測失敗</translation>
    </message>
    <message>
        <source>Certificate expiry</source>
        <translation>TLS 憑證到期</translation>
    </message>
    <message>
        <source>[HiveMind] Still firing: %1 on %2</source>
        <translation>[HiveMind] 仍在觸發：%2 上的 %1</translation>
    </message>
    <message>
        <source>The alert &quot;%1&quot; on %2 is still firing.</source>
        <translation>%2 上的告警「%1」仍在觸發。</translation>
    </message>
    <message>
        <source>[HiveMind] Alert: %1 on %2</source>
        <translation>[HiveMind] 告警：%2 上的 %1</translation>
    </message>
    <message>
        <source>The alert &quot;%1&quot; fired on %2.</source>
        <translation>告警「%1」已在 %2 上觸發。</translation>
    </message>
    <message>
        <source>[HiveMind] Resolved: %1 on %2</source>
        <translation>[HiveMind] 已解決：%2 上的 %1</translation>
    </message>
    <message>
        <source>The alert &quot;%1&quot; on %2 is resolved.</source>
        <translation>%2 上的告警「%1」已解決。</translation>
    </message>
    <message>
        <source>Type: %1</source>
        <translation>類型：%1</translation>
    </message>
    <message>
        <source>Value: %1</source>
        <translation>數值：%1</translation>
    </message>
    <message>
        <source>Threshold: %1</source>
        <translation>閾值：%1</translation>
    </message>
    <message>
        <source>Fired at: %1</source>
        <translation>觸發時間：%1</translation>
    </message>
    <message>
        <source>Resolved at: %1</source>
        <translation>解決時間：%1</translation>
    </message>
    <message>
        <source>Alert %1, delivery %2.</source>
        <translation>告警 %1，傳送 %2。</translation>
    </message>
    <message>
        <source>[HiveMind] Test of the alert channel &quot;%1&quot;</source>
        <translation>[HiveMind] 通知管道「%1」的測試</translation>
    </message>
    <message>
        <source>This is a test message of the HiveMind alert channel &quot;%1&quot;. Alerts that fire and resolve will be sent to this address.</source>
        <translation>這是 HiveMind 通知管道「%1」的測試訊息。觸發與解決的告警都會寄到此地址。</translation>
    </message>
    <message>
        <source>Delivery: %1</source>
        <translation>傳送：%1</translation>
    </message>
    <message>
        <source>Container down</source>
        <translation>容器停止執行</translation>
    </message>
    <message>
        <source>Container unhealthy</source>
        <translation>容器狀態不良</translation>
    </message>
    <message>
        <source>Containers: %1</source>
        <translation>容器：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1 and %2 more</source>
        <translation>%1 及其他 %2 個</translation>
    </message>
</context>
<context>
    <name>PublicStatusPage</name>
    <message>
        <source>No data</source>
        <translation>無資料</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <translation>%1 天 %2 小時</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 小時 %2 分鐘</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>從未</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>線上</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>離線</translation>
    </message>
    <message>
        <source>Availability (24 hours)</source>
        <translation>可用性（24 小時）</translation>
    </message>
    <message>
        <source>Availability (30 days)</source>
        <translation>可用性（30 天）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>處理器</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>記憶體</translation>
    </message>
    <message>
        <source>Disk</source>
        <translation>磁碟</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>運行時間</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>最後上線</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>位址</translation>
    </message>
    <message>
        <source>%1 of %2 nodes online</source>
        <translation>%2 個節點中有 %1 個線上</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>語言</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>即時</translation>
    </message>
    <message>
        <source>No nodes are shown here yet.</source>
        <translation>此頁面尚未顯示任何節點。</translation>
    </message>
    <message>
        <source>Updated %1</source>
        <translation>更新於 %1</translation>
    </message>
</context>
</TS>
