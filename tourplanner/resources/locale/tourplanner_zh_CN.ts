<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AgendaView</name>
    <message>
        <source>Agenda</source>
        <translation>日程总览</translation>
    </message>
    <message>
        <source>Every programme and its items in local time; double-click or Enter to edit</source>
        <translation>每个日程及其活动，按当地时间；双击或按 Enter 编辑</translation>
    </message>
</context>
<context>
    <name>BadgeOptionsDialog</name>
    <message>
        <source>Badges</source>
        <translation>胸卡</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>A4, 10 badges of 90 × 54 mm</source>
        <translation>A4，每页 10 个 90 × 54 毫米胸卡</translation>
    </message>
    <message>
        <source>Letter, 6 badges of 4 × 3 in</source>
        <translation>Letter，每页 6 个 4 × 3 英寸胸卡</translation>
    </message>
    <message>
        <source>Label sheet</source>
        <translation>标签纸</translation>
    </message>
</context>
<context>
    <name>Block</name>
    <message>
        <source>Clash: another item is in this room at the same time</source>
        <translation>冲突：同一时间此会议室还有另一活动</translation>
    </message>
    <message>
        <source>Drag to move, drag the bottom edge to change the length</source>
        <translation>拖动可移动，拖动底边可改变时长</translation>
    </message>
    <message>
        <source>A repeating item: change its times in the editor</source>
        <translation>重复活动：请在编辑器中修改其时间</translation>
    </message>
    <message>
        <source>Double-click or Enter to edit; right-click for more</source>
        <translation>双击或按 Enter 编辑；右键查看更多</translation>
    </message>
</context>
<context>
    <name>BookingActions</name>
    <message>
        <source>Select one or more people in People first.</source>
        <translation>请先在“人员”中选择一人或多人。</translation>
    </message>
    <message>
        <source>Book into an item</source>
        <translation>安排参加活动</translation>
    </message>
    <message>
        <source>Book {counted} into:</source>
        <translation>安排{counted}参加：</translation>
    </message>
    <message>
        <source>Book onto a tour or programme</source>
        <translation>安排参加考察或日程</translation>
    </message>
    <message>
        <source>Book {counted} onto:</source>
        <translation>安排{counted}参加：</translation>
    </message>
    <message>
        <source>Book {counted}</source>
        <translation>安排{counted}</translation>
    </message>
    <message>
        <source>Select an item or a programme first</source>
        <translation>请先选择一个活动或日程</translation>
    </message>
    <message>
        <source>Take {counted} off</source>
        <translation>移除{counted}</translation>
    </message>
    <message>
        <source>Put into one room</source>
        <translation>安排同住一间</translation>
    </message>
    <message>
        <source>Select the rooms of the guests to put together first</source>
        <translation>请先选择要安排同住的宾客的客房</translation>
    </message>
    <message>
        <source>Put {counted} into one room</source>
        <translation>将{counted}安排同住一间</translation>
    </message>
    <message>
        <source>Put {counted} into one room at:</source>
        <translation>将{counted}安排同住一间，酒店：</translation>
    </message>
    <message>
        <source>Room type</source>
        <translation>房型</translation>
    </message>
    <message>
        <source>The type of the room they share</source>
        <translation>他们同住客房的房型</translation>
    </message>
    <message>
        <source>Move {counted} onto {vehicle}</source>
        <translation>将{counted}移到{vehicle}</translation>
    </message>
    <message>
        <source>Add to a group</source>
        <translation>加入团组</translation>
    </message>
    <message>
        <source>Add {counted} to:</source>
        <translation>将{counted}加入：</translation>
    </message>
    <message>
        <source>Add {counted} to a group</source>
        <translation>将{counted}加入团组</translation>
    </message>
</context>
<context>
    <name>BookingsDialog</name>
    <message>
        <source>Booked — {title}</source>
        <translation>已安排 — {title}</translation>
    </message>
    <message>
        <source>Booked people</source>
        <translation>已安排人员</translation>
    </message>
    <message>
        <source>Who is booked, in which role; select rows to remove them</source>
        <translation>谁已安排、担任何种角色；选择行可将其移除</translation>
    </message>
    <message>
        <source>Remove from it</source>
        <translation>从中移除</translation>
    </message>
    <message>
        <source>Remove the selected people</source>
        <translation>移除所选人员</translation>
    </message>
    <message>
        <source>Take the selected people off (Edit &gt; Undo puts them back)</source>
        <translation>将所选人员移除（“编辑 &gt; 撤销”可恢复）</translation>
    </message>
    <message>
        <source>Everyone attending</source>
        <translation>全体出席人员</translation>
    </message>
    <message>
        <source>Everyone confirmed in this item: booked into it, or on its programme</source>
        <translation>此活动的全部已确认人员：直接安排，或已安排其所属日程</translation>
    </message>
    <message>
        <source>{booked} booked, {confirmed} confirmed.</source>
        <translation>已安排 {booked} 人，已确认 {confirmed} 人。</translation>
    </message>
    <message>
        <source>{total} attending: {through} through the programme, {direct} booked directly.</source>
        <translation>出席 {total} 人：{through} 人随日程参加，{direct} 人直接安排。</translation>
    </message>
    <message>
        <source>Everyone attending (everyone on &apos;{programme_title}&apos; attends it too):</source>
        <translation>全体出席人员（“{programme_title}”的全体人员也出席）：</translation>
    </message>
</context>
<context>
    <name>Chooser</name>
    <message>
        <source>Type part of the name</source>
        <translation>输入姓名的一部分</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Show only the entries containing this text</source>
        <translation>只显示包含此文字的条目</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>In which role: attending, speaking, chairing…</source>
        <translation>以何种角色：出席、发言、主持…</translation>
    </message>
    <message>
        <source>As:</source>
        <translation>身份：</translation>
    </message>
</context>
<context>
    <name>ConflictsPanel</name>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>Scheduling conflicts, updated after every change</source>
        <translation>日程冲突，每次修改后更新</translation>
    </message>
</context>
<context>
    <name>DayPicker</name>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>The programme and day to show</source>
        <translation>要显示的日程和日期</translation>
    </message>
    <message>
        <source>{title} — {day}</source>
        <translation>{title} — {day}</translation>
    </message>
</context>
<context>
    <name>EditActions</name>
    <message>
        <source>Select an item to move</source>
        <translation>请选择要移动的活动</translation>
    </message>
    <message>
        <source>Select the items to change first</source>
        <translation>请先选择要修改的活动</translation>
    </message>
    <message>
        <source>Mark {counted} as {status}</source>
        <translation>将{counted}标记为{status}</translation>
    </message>
    <message>
        <source>Select an item to edit</source>
        <translation>请选择要编辑的活动</translation>
    </message>
    <message>
        <source>Select one of the {plural} to edit</source>
        <translation>请选择一个要编辑的{plural}</translation>
    </message>
    <message>
        <source>Select what to delete first</source>
        <translation>请先选择要删除的内容</translation>
    </message>
    <message>
        <source>Delete {what}</source>
        <translation>删除{what}</translation>
    </message>
    <message>
        <source>{text} — Edit &gt; Undo brings them back</source>
        <translation>{text} — “编辑 &gt; 撤销”可恢复</translation>
    </message>
</context>
<context>
    <name>ExportActions</name>
    <message>
        <source>Select a person in People first.</source>
        <translation>请先在“人员”中选择一人。</translation>
    </message>
    <message>
        <source>Export itinerary</source>
        <translation>导出行程单</translation>
    </message>
    <message>
        <source>itinerary.pdf</source>
        <translation>itinerary.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Print itinerary</source>
        <translation>打印行程单</translation>
    </message>
    <message>
        <source>Nothing was printed.

{exc}</source>
        <translation>未打印。

{exc}</translation>
    </message>
    <message>
        <source>Sent “{name}” to the printer</source>
        <translation>已将“{name}”发送到打印机</translation>
    </message>
    <message>
        <source>{problems}

{verb} it anyway?</source>
        <translation>{problems}

仍要{verb}吗？</translation>
    </message>
    <message>
        <source>Export all itineraries</source>
        <translation>导出全部行程单</translation>
    </message>
    <message>
        <source>itineraries.pdf</source>
        <translation>itineraries.pdf</translation>
    </message>
    <message>
        <source>Exporting itineraries…</source>
        <translation>正在导出行程单…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Wrote {out}</source>
        <translation>已写入 {out}</translation>
    </message>
    <message>
        <source>Export cancelled</source>
        <translation>已取消导出</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>{kind}{suffix}</source>
        <translation>{kind}{suffix}</translation>
    </message>
    <message>
        <source>Which programme?</source>
        <translation>哪个日程？</translation>
    </message>
    <message>
        <source>Export calendar</source>
        <translation>导出日历</translation>
    </message>
    <message>
        <source>itinerary.ics</source>
        <translation>itinerary.ics</translation>
    </message>
    <message>
        <source>Calendar (*.ics)</source>
        <translation>日历 (*.ics)</translation>
    </message>
    <message>
        <source>Export people</source>
        <translation>导出人员</translation>
    </message>
    <message>
        <source>people.xlsx</source>
        <translation>people.xlsx</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export transfers</source>
        <translation>导出接送安排</translation>
    </message>
    <message>
        <source>Export badges</source>
        <translation>导出胸卡</translation>
    </message>
    <message>
        <source>Export name cards</source>
        <translation>导出席卡</translation>
    </message>
    <message>
        <source>Name cards for which item?</source>
        <translation>为哪个活动制作席卡？</translation>
    </message>
    <message>
        <source>Export rooming list</source>
        <translation>导出分房表</translation>
    </message>
    <message>
        <source>Export bus manifest</source>
        <translation>导出乘车名单</translation>
    </message>
    <message>
        <source>Export catering sheet</source>
        <translation>导出餐饮统计表</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Excel (*.xlsx)</source>
        <translation>PDF (*.pdf);;Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Itinerary of {name}</source>
        <translation>{name}的行程单</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>接送</translation>
    </message>
    <message>
        <source>Rooming list</source>
        <translation>分房名单</translation>
    </message>
    <message>
        <source>Catering sheet</source>
        <translation>餐饮单</translation>
    </message>
    <message>
        <source>Bus manifest: {title}</source>
        <translation>乘车名单：{title}</translation>
    </message>
    <message>
        <source>Nothing was written.

{exc}</source>
        <translation>未写入任何内容。

{exc}</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>已写入 {path}</translation>
    </message>
</context>
<context>
    <name>FileActions</name>
    <message>
        <source>Upgraded; the old version is kept in {name}</source>
        <translation>已升级；旧版本保存在 {name}</translation>
    </message>
    <message>
        <source>New plan</source>
        <translation>新建计划</translation>
    </message>
    <message>
        <source>plan.tourplan</source>
        <translation>plan.tourplan</translation>
    </message>
    <message>
        <source>Plans (*.tourplan)</source>
        <translation>计划文件 (*.tourplan)</translation>
    </message>
    <message>
        <source>The plan was not created.

{exc}</source>
        <translation>计划未创建。

{exc}</translation>
    </message>
    <message>
        <source>New plan: its details</source>
        <translation>新计划：基本信息</translation>
    </message>
    <message>
        <source>Open plan</source>
        <translation>打开计划</translation>
    </message>
    <message>
        <source>Plans (*.tourplan);;All files (*)</source>
        <translation>计划文件 (*.tourplan);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Open Team Plan</source>
        <translation>打开团队计划</translation>
    </message>
    <message>
        <source>The team plan could not be opened.

{exc}</source>
        <translation>无法打开团队计划。

{exc}</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>No longer found, removed from the list: {names}</source>
        <translation>已找不到，已从列表中移除：{names}</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>保存副本</translation>
    </message>
    <message>
        <source>copy.tourplan</source>
        <translation>copy.tourplan</translation>
    </message>
    <message>
        <source>The copy was not written.

{exc}</source>
        <translation>副本未写入。

{exc}</translation>
    </message>
    <message>
        <source>Saved a copy as {target}</source>
        <translation>已将副本保存为 {target}</translation>
    </message>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Nothing was restored.

{problem}</source>
        <translation>未恢复任何内容。

{problem}</translation>
    </message>
    <message>
        <source>Restored {name} from the backup of {name2}</source>
        <translation>已从 {name2} 的备份恢复 {name}</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>Checking the plan…</source>
        <translation>正在检查计划…</translation>
    </message>
    <message>
        <source>the first {SHOWN} are listed; `tourplanner check` lists all</source>
        <translation>仅列出前 {SHOWN} 条；`tourplanner check` 可列出全部</translation>
    </message>
    <message>
        <source>Click a finding to see it</source>
        <translation>点击一条检查结果即可查看</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>检查结果</translation>
    </message>
</context>
<context>
    <name>FormRows</name>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>{text} problem</source>
        <translation>{text}问题</translation>
    </message>
    <message>
        <source>{field}: {message}.</source>
        <translation>{field}：{message}。</translation>
    </message>
</context>
<context>
    <name>HourAxis</name>
    <message>
        <source>Hours</source>
        <translation>时间</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import from</source>
        <translation>导入自</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>未选择文件</translation>
    </message>
    <message>
        <source>File to import</source>
        <translation>要导入的文件</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>Choose file</source>
        <translation>选择文件</translation>
    </message>
    <message>
        <source>File:</source>
        <translation>文件：</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>导入进度</translation>
    </message>
    <message>
        <source>How far the check or the import has got</source>
        <translation>检查或导入的进度</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Close without importing (Esc)</source>
        <translation>不导入并关闭 (Esc)</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>正在检查文件…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Stopped: nothing was imported.</source>
        <translation>已停止：未导入任何内容。</translation>
    </message>
    <message>
        <source>Nothing was imported: {problem}</source>
        <translation>未导入任何内容：{problem}</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>正在停止…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Stop the import; nothing is written</source>
        <translation>停止导入；不写入任何内容</translation>
    </message>
    <message>
        <source>%v of %m {unit}</source>
        <translation>%v / %m {unit}</translation>
    </message>
    <message>
        <source>Calendars and schedules (*.ics *.xml *.json);;iCalendar (*.ics);;Conference schedules (*.xml *.json);;All files (*)</source>
        <translation>日历和日程表 (*.ics *.xml *.json);;iCalendar (*.ics);;会议日程表 (*.xml *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import events from</source>
        <translation>导入日程自</translation>
    </message>
    <message>
        <source>Spreadsheets (*.csv *.tsv *.txt *.xlsx *.xlsm);;All files (*)</source>
        <translation>电子表格 (*.csv *.tsv *.txt *.xlsx *.xlsm);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Import people from</source>
        <translation>导入人员自</translation>
    </message>
</context>
<context>
    <name>ImportEventsDialog</name>
    <message>
        <source>Import calendar or schedule</source>
        <translation>导入日历或日程表</translation>
    </message>
    <message>
        <source>The .ics calendar or schedule.xml / schedule.json being imported</source>
        <translation>正在导入的 .ics 日历或 schedule.xml / schedule.json</translation>
    </message>
    <message>
        <source>Pick an .ics calendar (invitations, agency itineraries) or a pretalx/frab schedule</source>
        <translation>选择一个 .ics 日历（邀请、旅行社行程）或 pretalx/frab 日程表</translation>
    </message>
    <message>
        <source>Import into programme</source>
        <translation>导入到日程</translation>
    </message>
    <message>
        <source>The programme that receives the events; a schedule can also create its own</source>
        <translation>接收这些日程的日程；日程表也可以新建自己的日程</translation>
    </message>
    <message>
        <source>Into programme:</source>
        <translation>导入到日程：</translation>
    </message>
    <message>
        <source>Skip events with problems</source>
        <translation>跳过有问题的日程</translation>
    </message>
    <message>
        <source>Skip invalid events</source>
        <translation>跳过无效日程</translation>
    </message>
    <message>
        <source>Import the readable events and leave out the others (each is named in the report); otherwise nothing is imported while any event has a problem</source>
        <translation>导入可读的日程，其余跳过（报告中逐一列出）；否则只要有一条日程有问题，就不导入任何内容</translation>
    </message>
    <message>
        <source>Preview (as it will be imported)</source>
        <translation>预览（导入后的样子）</translation>
    </message>
    <message>
        <source>Preview of the events to import</source>
        <translation>待导入日程预览</translation>
    </message>
    <message>
        <source>Each event of the file and what the import does with it</source>
        <translation>文件中的每条日程以及导入时如何处理</translation>
    </message>
    <message>
        <source>Every problem found, by line of the file</source>
        <translation>发现的所有问题，按文件行号</translation>
    </message>
    <message>
        <source>Import every event in one step (nothing is written on error)</source>
        <translation>一步导入全部日程（出错时不写入任何内容）</translation>
    </message>
    <message>
        <source>Choose an .ics calendar or a schedule.xml / schedule.json.</source>
        <translation>请选择一个 .ics 日历或 schedule.xml / schedule.json。</translation>
    </message>
    <message>
        <source>This file cannot be read: {value}</source>
        <translation>无法读取此文件：{value}</translation>
    </message>
    <message>
        <source>choose the programme that receives the events</source>
        <translation>请选择接收这些日程的日程</translation>
    </message>
    <message>
        <source>Nothing was imported: {exc}</source>
        <translation>未导入任何内容：{exc}</translation>
    </message>
    <message>
        <source>Nothing can be imported: {problem}</source>
        <translation>无法导入任何内容：{problem}</translation>
    </message>
    <message>
        <source>{added} new, {updated} to update, {unchanged} unchanged</source>
        <translation>新增 {added}，更新 {updated}，未变 {unchanged}</translation>
    </message>
    <message>
        <source>{counts}; {count}. Nothing is imported while an event has a problem: fix the file, choose another programme, or tick &apos;Skip events with problems&apos;.</source>
        <translation>{counts}；{count}。只要有一条日程有问题就不会导入：请修正文件、选择其他日程，或勾选“跳过有问题的日程”。</translation>
    </message>
    <message>
        <source>, {skipped} skipped</source>
        <translation>，跳过 {skipped} 条</translation>
    </message>
    <message>
        <source>{counts}{skipped}. </source>
        <translation>{counts}{skipped}。</translation>
    </message>
    <message>
        <source>Ready to import.</source>
        <translation>可以导入。</translation>
    </message>
    <message>
        <source>Nothing to import.</source>
        <translation>没有可导入的内容。</translation>
    </message>
    <message>
        <source>Imported: {added} added, {updated} updated, {unchanged} unchanged</source>
        <translation>已导入：新增 {added}，更新 {updated}，未变 {unchanged}</translation>
    </message>
    <message>
        <source>, {skipped} skipped (see the report).</source>
        <translation>，跳过 {skipped} 条（见报告）。</translation>
    </message>
    <message>
        <source>Nothing was imported: {refusal}</source>
        <translation>未导入任何内容：{refusal}</translation>
    </message>
</context>
<context>
    <name>ImportPeopleDialog</name>
    <message>
        <source>Import people</source>
        <translation>导入人员</translation>
    </message>
    <message>
        <source>The spreadsheet being imported</source>
        <translation>正在导入的电子表格</translation>
    </message>
    <message>
        <source>Pick a .csv or .xlsx file (UTF-8, UTF-16 or GB18030 CSV)</source>
        <translation>选择 .csv 或 .xlsx 文件（UTF-8、UTF-16 或 GB18030 编码的 CSV）</translation>
    </message>
    <message>
        <source>File details</source>
        <translation>文件信息</translation>
    </message>
    <message>
        <source>Preview (as it will be imported)</source>
        <translation>预览（导入后的样子）</translation>
    </message>
    <message>
        <source>Preview of the people to import</source>
        <translation>待导入人员预览</translation>
    </message>
    <message>
        <source>The first rows as they will be imported, with what happens to each</source>
        <translation>前几行导入后的样子，以及每行将如何处理</translation>
    </message>
    <message>
        <source>Every problem found, by row number in the file</source>
        <translation>发现的所有问题，按文件行号</translation>
    </message>
    <message>
        <source>Import all rows in one step (nothing is written on error)</source>
        <translation>一步导入全部行（出错时不写入任何内容）</translation>
    </message>
    <message>
        <source>Columns</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>示例</translation>
    </message>
    <message>
        <source>Imports as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Column mapping</source>
        <translation>列对应关系</translation>
    </message>
    <message>
        <source>Each column of the file and the person field it fills; change a field to fix the mapping, or choose &apos;(ignore this column)&apos;</source>
        <translation>文件的每一列及其填入的人员字段；修改字段即可调整对应关系，或选择“（忽略此列）”</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Add everyone to group</source>
        <translation>将所有人加入团组</translation>
    </message>
    <message>
        <source>Put everyone imported into this group (a new name creates the group); leave empty for none</source>
        <translation>将导入的所有人放入此团组（输入新名称即新建团组）；留空则不加入</translation>
    </message>
    <message>
        <source>(no group)</source>
        <translation>（无团组）</translation>
    </message>
    <message>
        <source>Add to group:</source>
        <translation>加入团组：</translation>
    </message>
    <message>
        <source>Date order</source>
        <translation>日期顺序</translation>
    </message>
    <message>
        <source>How to read numeric dates such as arrival times: 02/03/2015 is 2 March day-first and February 3 month-first; dates are never guessed</source>
        <translation>如何读取数字日期（如抵达时间）：02/03/2015 按“日在前”是 3 月 2 日，按“月在前”是 2 月 3 日；日期从不猜测</translation>
    </message>
    <message>
        <source>Dates:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>Skip rows with problems</source>
        <translation>跳过有问题的行</translation>
    </message>
    <message>
        <source>Skip invalid rows</source>
        <translation>跳过无效行</translation>
    </message>
    <message>
        <source>Import the good rows and leave out the others; otherwise nothing is imported while any row has a problem</source>
        <translation>导入正确的行，其余跳过；否则只要有一行有问题，就不导入任何内容</translation>
    </message>
    <message>
        <source>How columns are recognised</source>
        <translation>如何识别列</translation>
    </message>
    <message>
        <source>Choose a CSV or Excel file with one person per row.</source>
        <translation>请选择每行一人的 CSV 或 Excel 文件。</translation>
    </message>
    <message>
        <source>This file cannot be read: {exc}</source>
        <translation>无法读取此文件：{exc}</translation>
    </message>
    <message>
        <source>Excel workbook</source>
        <translation>Excel 工作簿</translation>
    </message>
    <message>
        <source>{encoding} text</source>
        <translation>{encoding} 文本</translation>
    </message>
    <message>
        <source>comma-separated</source>
        <translation>逗号分隔</translation>
    </message>
    <message>
        <source>semicolon-separated</source>
        <translation>分号分隔</translation>
    </message>
    <message>
        <source>tab-separated</source>
        <translation>制表符分隔</translation>
    </message>
    <message>
        <source>bar-separated</source>
        <translation>竖线分隔</translation>
    </message>
    <message>
        <source>Field for column {header}</source>
        <translation>第 {header} 列对应的字段</translation>
    </message>
    <message>
        <source>Which person field the column &apos;{header}&apos; fills</source>
        <translation>“{header}”列填入哪个人员字段</translation>
    </message>
    <message>
        <source> (Checked the first {checked} of {count} rows; Import checks them all and imports nothing if any has a problem.)</source>
        <translation>（已检查 {count} 行中的前 {checked} 行；导入时会检查全部行，只要有一行有问题就不导入任何内容。）</translation>
    </message>
    <message>
        <source>row {row}</source>
        <translation>第 {row} 行</translation>
    </message>
    <message>
        <source>{added} new, {updated} to update, {unchanged} unchanged</source>
        <translation>新增 {added}，更新 {updated}，未变 {unchanged}</translation>
    </message>
    <message>
        <source>{counts}; {count} with problems. Fix the file or the mapping, or tick &apos;Skip rows with problems&apos; — nothing is imported while a row has a problem.</source>
        <translation>{counts}；{count} 有问题。请修正文件或列对应关系，或勾选“跳过有问题的行”——只要有一行有问题就不会导入。</translation>
    </message>
    <message>
        <source>, {skipped} skipped</source>
        <translation>，跳过 {skipped} 条</translation>
    </message>
    <message>
        <source>{counts}{skipped}. </source>
        <translation>{counts}{skipped}。</translation>
    </message>
    <message>
        <source>Ready to import.</source>
        <translation>可以导入。</translation>
    </message>
    <message>
        <source>Nothing to import.</source>
        <translation>没有可导入的内容。</translation>
    </message>
    <message>
        <source>Imported: {added} added, {updated} updated, {unchanged} unchanged, {skipped} skipped.</source>
        <translation>已导入：新增 {added}，更新 {updated}，未变 {unchanged}，跳过 {skipped}。</translation>
    </message>
</context>
<context>
    <name>ItemEditor</name>
    <message>
        <source>Edit item</source>
        <translation>编辑活动</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>新建活动</translation>
    </message>
    <message>
        <source>The repeat rule in words</source>
        <translation>重复规则说明</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy  HH:mm</source>
        <translation>yyyy年M月d日 dddd HH:mm</translation>
    </message>
    <message>
        <source>(no venue)</source>
        <translation>（无场地）</translation>
    </message>
    <message>
        <source>No programme yet: Plan &gt; New programme first</source>
        <translation>尚无日程：请先使用“计划 &gt; 新建日程”</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>日程</translation>
    </message>
    <message>
        <source>Title (English)</source>
        <translation>标题（英文）</translation>
    </message>
    <message>
        <source>Title (local)</source>
        <translation>标题（当地语言）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>场地</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>会议室</translation>
    </message>
    <message>
        <source>Starts</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>(no room)</source>
        <translation>（无会议室）</translation>
    </message>
    <message>
        <source>{zone} ({abbr}) — times are local to where the item happens</source>
        <translation>{zone}（{abbr}）— 时间为活动举行地的当地时间</translation>
    </message>
</context>
<context>
    <name>ItineraryPreview</name>
    <message>
        <source>Select a person to preview their itinerary</source>
        <translation>选择一人即可预览其行程单</translation>
    </message>
    <message>
        <source>Preparing the itinerary…</source>
        <translation>正在准备行程单…</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Show the pages smaller (Ctrl+−)</source>
        <translation>缩小页面 (Ctrl+−)</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Fit the pages to the width of the view (Ctrl+0)</source>
        <translation>使页面适合视图宽度 (Ctrl+0)</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Show the pages larger (Ctrl++)</source>
        <translation>放大页面 (Ctrl++)</translation>
    </message>
    <message>
        <source>Zoom</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>Zoom: 100 % is the printed size</source>
        <translation>缩放：100 % 即打印尺寸</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>Save this itinerary as a PDF file, exactly as shown</source>
        <translation>将此行程单原样保存为 PDF 文件</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Print this itinerary, one page per sheet</source>
        <translation>打印此行程单，每页一张纸</translation>
    </message>
    <message>
        <source>Itinerary pages</source>
        <translation>行程单页面</translation>
    </message>
    <message>
        <source>The itinerary exactly as it prints; Ctrl+wheel zooms</source>
        <translation>行程单与打印效果完全相同；Ctrl+滚轮可缩放</translation>
    </message>
    <message>
        <source>Itinerary preview message</source>
        <translation>行程单预览提示</translation>
    </message>
    <message>
        <source>Itinerary — {name}</source>
        <translation>行程单 — {name}</translation>
    </message>
    <message>
        <source>{count} page</source>
        <translation>{count} 页</translation>
    </message>
    <message>
        <source>{count} pages</source>
        <translation>{count} 页</translation>
    </message>
    <message>
        <source>Export itinerary</source>
        <translation>导出行程单</translation>
    </message>
    <message>
        <source>The itinerary was not written.

{exc}</source>
        <translation>行程单未写入。

{exc}</translation>
    </message>
    <message>
        <source>Wrote {path}</source>
        <translation>已写入 {path}</translation>
    </message>
    <message>
        <source>{stem}.pdf</source>
        <translation>{stem}.pdf</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Sent “{name}” to the printer</source>
        <translation>已将“{name}”发送到打印机</translation>
    </message>
</context>
<context>
    <name>JourneyEditor</name>
    <message>
        <source>Edit journey or stay</source>
        <translation>编辑行程或住宿</translation>
    </message>
    <message>
        <source>New journey or stay</source>
        <translation>新建行程或住宿</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Arrival time zone</source>
        <translation>抵达时区</translation>
    </message>
    <message>
        <source>Travellers ({count})</source>
        <translation>旅客（{count}）</translation>
    </message>
</context>
<context>
    <name>LiveChanges</name>
    <message>
        <source>{sentence} on the team plan</source>
        <translation>团队计划上的{sentence}</translation>
    </message>
    <message>
        <source>The connection to the team plan was lost: what is shown is read-only until it is back (reconnecting…)</source>
        <translation>与团队计划的连接已断开：在恢复之前，显示的内容为只读（正在重新连接…）</translation>
    </message>
    <message>
        <source>Reconnected to the team plan; every view is up to date</source>
        <translation>已重新连接到团队计划；所有视图均为最新</translation>
    </message>
</context>
<context>
    <name>LogisticsDialog</name>
    <message>
        <source>Meeting point and menu: {title}</source>
        <translation>集合地点和菜单：{title}</translation>
    </message>
    <message>
        <source>e.g. Hotel lobby, the coach waits at the main door</source>
        <translation>例如：酒店大堂，大巴在正门等候</translation>
    </message>
    <message>
        <source>Meet at</source>
        <translation>集合时间</translation>
    </message>
    <message>
        <source>Meeting point</source>
        <translation>集合地点</translation>
    </message>
    <message>
        <source>Menu (meals)</source>
        <translation>菜单（餐饮）</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>drag seats onto another vehicle&apos;s seat to move them there</source>
        <translation>将座位拖到另一辆车的座位上即可换车</translation>
    </message>
    <message>
        <source>drag a guest onto another room to share it</source>
        <translation>将宾客拖到另一间客房即可同住</translation>
    </message>
    <message>
        <source>meals</source>
        <translation>餐饮</translation>
    </message>
    <message>
        <source>Navigator</source>
        <translation>导航</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>检查结果</translation>
    </message>
    <message>
        <source>The plan&apos;s errors and warnings (the Conflicts dock lists them)</source>
        <translation>计划中的错误和警告（“冲突”面板中列出）</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>正在检查…</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>冲突</translation>
    </message>
    <message>
        <source>No backup was made on closing: {exc}</source>
        <translation>关闭时未能备份：{exc}</translation>
    </message>
    <message>
        <source>The automatic backup was not made: {exc}</source>
        <translation>未能自动备份：{exc}</translation>
    </message>
    <message>
        <source>Backed up {name}</source>
        <translation>已备份 {name}</translation>
    </message>
    <message>
        <source>{title} — {name}{read_only} — TourPlanner</source>
        <translation>{title} — {name}{read_only} — TourPlanner</translation>
    </message>
    <message>
        <source>{counted}, {counted2}</source>
        <translation>{counted}，{counted2}</translation>
    </message>
    <message>
        <source>Checked: {findings_text}</source>
        <translation>已检查：{findings_text}</translation>
    </message>
    <message>
        <source>About TourPlanner</source>
        <translation>关于 TourPlanner</translation>
    </message>
</context>
<context>
    <name>Navigator</name>
    <message>
        <source>Navigator</source>
        <translation>导航</translation>
    </message>
    <message>
        <source>The plan&apos;s programmes, people, groups, organizations, venues</source>
        <translation>计划的日程、人员、团组、单位、场地</translation>
    </message>
    <message>
        <source>Show {lower}</source>
        <translation>显示{lower}</translation>
    </message>
    <message>
        <source>{title} ({label}): show it on the timeline</source>
        <translation>{title}（{label}）：在时间轴上显示</translation>
    </message>
</context>
<context>
    <name>OpenTeamPlanDialog</name>
    <message>
        <source>Open Team Plan</source>
        <translation>打开团队计划</translation>
    </message>
    <message>
        <source>e.g. shenzhen2015</source>
        <translation>例如 shenzhen2015</translation>
    </message>
    <message>
        <source>from the keyring or ~/.pgpass when left empty</source>
        <translation>留空时从密钥环或 ~/.pgpass 读取</translation>
    </message>
    <message>
        <source>Remember the password (system keyring)</source>
        <translation>记住密码（系统密钥环）</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
</context>
<context>
    <name>PageWidget</name>
    <message>
        <source>Page {value}</source>
        <translation>第 {value} 页</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>首选项</translation>
    </message>
    <message>
        <source>As the system ({name})</source>
        <translation>跟随系统（{name}）</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>The new language is used when TourPlanner is started again.</source>
        <translation>新语言将在下次启动 TourPlanner 时生效。</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>Print preview</source>
        <translation>打印预览</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>The document to preview as it prints</source>
        <translation>要按打印效果预览的文档</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>页面</translation>
    </message>
    <message>
        <source>The pages as they print</source>
        <translation>按打印效果显示的页面</translation>
    </message>
    <message>
        <source>Preparing “{title}”…</source>
        <translation>正在准备“{title}”…</translation>
    </message>
    <message>
        <source>“{title}”: {counted}, as they print</source>
        <translation>“{title}”：{counted}，按打印效果显示</translation>
    </message>
    <message>
        <source>Nothing to preview: {problem}</source>
        <translation>没有可预览的内容：{problem}</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>Edit {lower}</source>
        <translation>编辑{lower}</translation>
    </message>
    <message>
        <source>New {lower}</source>
        <translation>新建{lower}</translation>
    </message>
    <message>
        <source>{label} ({hint})</source>
        <translation>{label}（{hint}）</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy</source>
        <translation>yyyy年M月d日 dddd</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy  HH:mm</source>
        <translation>yyyy年M月d日 dddd HH:mm</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Add {title} &apos;{name}&apos;</source>
        <translation>添加{title}“{name}”</translation>
    </message>
    <message>
        <source>Edit {title} &apos;{name}&apos;</source>
        <translation>编辑{title}“{name}”</translation>
    </message>
</context>
<context>
    <name>RecordPage</name>
    <message>
        <source>The plan&apos;s {plural}: click a header to sort, Ctrl/Shift-click to select several, double-click or Enter to edit</source>
        <translation>计划中的{plural}：点击表头排序，按住 Ctrl/Shift 点击可多选，双击或按 Enter 编辑</translation>
    </message>
    <message>
        <source>Find {plural}</source>
        <translation>查找{plural}</translation>
    </message>
    <message>
        <source>Show only the {plural} whose text contains this</source>
        <translation>只显示文字包含此内容的{plural}</translation>
    </message>
    <message>
        <source>Number of {plural}</source>
        <translation>{plural}数量</translation>
    </message>
    <message>
        <source>Reading the {plural}…</source>
        <translation>正在读取{plural}…</translation>
    </message>
    <message>
        <source>No {plural} contain “{text}”.</source>
        <translation>没有包含“{text}”的{plural}。</translation>
    </message>
    <message>
        <source> {rstrip}… adds one.</source>
        <translation> {rstrip}…可添加一条。</translation>
    </message>
    <message>
        <source>No {plural} yet.{hint}</source>
        <translation>尚无{plural}。{hint}</translation>
    </message>
    <message>
        <source>{total} {plural}</source>
        <translation>{total} 个{plural}</translation>
    </message>
    <message>
        <source>{shown} of {total} {plural}</source>
        <translation>{total} 个{plural}中的 {shown} 个</translation>
    </message>
</context>
<context>
    <name>RepeatBox</name>
    <message>
        <source>Repeats</source>
        <translation>重复</translation>
    </message>
    <message>
        <source>Whether and how often the item repeats</source>
        <translation>活动是否重复、多久重复一次</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Every how many days</source>
        <translation>每隔几天</translation>
    </message>
    <message>
        <source>Repeat every this many days</source>
        <translation>每隔这么多天重复一次</translation>
    </message>
    <message>
        <source>Repeat on {name}</source>
        <translation>在{name}重复</translation>
    </message>
    <message>
        <source>Repeats until</source>
        <translation>重复至</translation>
    </message>
    <message>
        <source>When the repeats stop</source>
        <translation>何时停止重复</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>最后一天</translation>
    </message>
    <message>
        <source>The last day it repeats on</source>
        <translation>重复的最后一天</translation>
    </message>
    <message>
        <source>How many times</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>How many times in all</source>
        <translation>总共几次</translation>
    </message>
    <message>
        <source>Days skipped</source>
        <translation>跳过的日期</translation>
    </message>
    <message>
        <source>The days it does not happen (exceptions)</source>
        <translation>不举行的日期（例外）</translation>
    </message>
    <message>
        <source>Day to skip</source>
        <translation>要跳过的日期</translation>
    </message>
    <message>
        <source>A day to leave out</source>
        <translation>要排除的一天</translation>
    </message>
    <message>
        <source>Skip this day</source>
        <translation>跳过这一天</translation>
    </message>
    <message>
        <source>Leave the day chosen beside it out</source>
        <translation>排除旁边选择的日期</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Remove skipped day</source>
        <translation>移除跳过的日期</translation>
    </message>
    <message>
        <source>Have the selected day again</source>
        <translation>恢复所选日期</translation>
    </message>
    <message>
        <source>Ending</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>Skipped days:</source>
        <translation>跳过的日期：</translation>
    </message>
    <message>
        <source>Custom rule (kept as it is)</source>
        <translation>自定义规则（保持原样）</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore from backup</source>
        <translation>从备份恢复</translation>
    </message>
    <message>
        <source>Backups of {name}, newest first. Restoring one puts it in the plan&apos;s place; the plan as it is now is backed up first, so this too can be undone by restoring that backup.</source>
        <translation>{name} 的备份，最新的在前。恢复一个备份会用它替换计划；当前的计划会先备份，因此恢复那个备份即可撤销此操作。</translation>
    </message>
    <message>
        <source>There are no backups of {name} yet.</source>
        <translation>{name} 尚无备份。</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Choose the backup to restore</source>
        <translation>选择要恢复的备份</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Restore the chosen backup</source>
        <translation>恢复所选备份</translation>
    </message>
</context>
<context>
    <name>RoomHeader</name>
    <message>
        <source>Rooms</source>
        <translation>会议室</translation>
    </message>
</context>
<context>
    <name>SeatingEditor</name>
    <message>
        <source>Seating: {title}</source>
        <translation>座次：{title}</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>布局</translation>
    </message>
    <message>
        <source>How the seats are laid out (the rules of docs/protocol.md)</source>
        <translation>座位的布局方式（规则见 docs/protocol.md）</translation>
    </message>
    <message>
        <source>Convention</source>
        <translation>礼宾惯例</translation>
    </message>
    <message>
        <source>Which side of No. 1 is senior: left (Chinese) or right</source>
        <translation>1 号位哪一侧为尊：左（中国惯例）或右</translation>
    </message>
    <message>
        <source>Lay out again</source>
        <translation>重新排座</translation>
    </message>
    <message>
        <source>Lay the plan out again by the rules; locked seats stay</source>
        <translation>按规则重新排座；已锁定的座位不变</translation>
    </message>
    <message>
        <source>Unlock seat</source>
        <translation>解锁座位</translation>
    </message>
    <message>
        <source>Let the selected seat re-flow by the rules again</source>
        <translation>让所选座位重新按规则排定</translation>
    </message>
    <message>
        <source>Seating diagram</source>
        <translation>座次图</translation>
    </message>
    <message>
        <source>Drag a person from the list (or from a seat) onto a seat to fix them there</source>
        <translation>从列表（或座位）中将人拖到座位上即可固定</translation>
    </message>
    <message>
        <source>People booked on this item</source>
        <translation>已安排此活动的人员</translation>
    </message>
    <message>
        <source>Drag a person onto a seat</source>
        <translation>将人拖到座位上</translation>
    </message>
    <message>
        <source>Unseated people and why</source>
        <translation>未安排座位的人员及原因</translation>
    </message>
    <message>
        <source>Booked on the item but without a seat, and why</source>
        <translation>已安排此活动但没有座位的人员及原因</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Unseated</source>
        <translation>未安排座位</translation>
    </message>
    <message>
        <source>Host table</source>
        <translation>主桌</translation>
    </message>
    <message>
        <source>Table {number}</source>
        <translation>第 {number} 桌</translation>
    </message>
    <message>
        <source>{name} ({value})</source>
        <translation>{name}（{value}）</translation>
    </message>
    <message>
        <source>no side</source>
        <translation>未定一方</translation>
    </message>
    <message>
        <source>{name}: {why}</source>
        <translation>{name}：{why}</translation>
    </message>
    <message>
        <source>Lock seat</source>
        <translation>锁定座位</translation>
    </message>
</context>
<context>
    <name>StaleReload</name>
    <message>
        <source>Reload</source>
        <translation>重新载入</translation>
    </message>
    <message>
        <source>Read what is stored now, dropping this form&apos;s changes</source>
        <translation>读取当前保存的内容，放弃本表单的修改</translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <source>{name} — TourPlanner</source>
        <translation>{name} — TourPlanner</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>正在打开 {name}…</translation>
    </message>
    <message>
        <source>Opening the plan</source>
        <translation>正在打开计划</translation>
    </message>
</context>
<context>
    <name>TimelineView</name>
    <message>
        <source>Timeline</source>
        <translation>时间轴</translation>
    </message>
    <message>
        <source>One column per room, time running down. Up and Down select the previous or next item, Enter edits it, Delete deletes it, Alt+Up and Alt+Down move it 5 minutes, Shift+Alt+Up and Shift+Alt+Down shorten or lengthen it, the menu key shows more actions.</source>
        <translation>每个会议室一列，时间自上而下。上/下键选择上一个或下一个活动，Enter 编辑，Delete 删除，Alt+上/下 移动 5 分钟，Shift+Alt+上/下 缩短或延长，菜单键显示更多操作。</translation>
    </message>
    <message>
        <source>Drag a block to move it, drag its bottom edge to change its length; right-click for more</source>
        <translation>拖动方块可移动，拖动底边可改变时长；右键查看更多</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>Timeline zoom</source>
        <translation>时间轴缩放</translation>
    </message>
    <message>
        <source>The timeline&apos;s zoom (Ctrl+wheel, Ctrl++ and Ctrl+−)</source>
        <translation>时间轴的缩放（Ctrl+滚轮、Ctrl++ 和 Ctrl+−）</translation>
    </message>
    <message>
        <source>This plan has no programme yet.</source>
        <translation>此计划尚无日程。</translation>
    </message>
    <message>
        <source>Nothing is scheduled on this day.</source>
        <translation>这一天没有安排。</translation>
    </message>
    <message>
        <source>{round} %</source>
        <translation>{round} %</translation>
    </message>
    <message>
        <source>Zoom timeline out</source>
        <translation>缩小时间轴</translation>
    </message>
    <message>
        <source>Shorter hours, narrower rooms (Ctrl+−)</source>
        <translation>缩短小时、收窄会议室 (Ctrl+−)</translation>
    </message>
    <message>
        <source>Zoom timeline in</source>
        <translation>放大时间轴</translation>
    </message>
    <message>
        <source>Taller hours, wider rooms (Ctrl++)</source>
        <translation>拉长小时、加宽会议室 (Ctrl++)</translation>
    </message>
    <message>
        <source>Timeline at normal zoom</source>
        <translation>时间轴恢复正常缩放</translation>
    </message>
    <message>
        <source>Back to 100 % (Ctrl+0)</source>
        <translation>恢复 100 % (Ctrl+0)</translation>
    </message>
</context>
<context>
    <name>TransferFilter</name>
    <message>
        <source>Which transfers</source>
        <translation>哪些接送</translation>
    </message>
    <message>
        <source>Arrivals, departures or both</source>
        <translation>接机/接站、送机/送站或两者</translation>
    </message>
    <message>
        <source>Arrivals and departures</source>
        <translation>接与送</translation>
    </message>
    <message>
        <source>Arrivals</source>
        <translation>接机/接站</translation>
    </message>
    <message>
        <source>Departures</source>
        <translation>送机/送站</translation>
    </message>
    <message>
        <source>Only on</source>
        <translation>仅限</translation>
    </message>
    <message>
        <source>Only one day</source>
        <translation>仅一天</translation>
    </message>
    <message>
        <source>Only the transfers of one day, local at the airport</source>
        <translation>仅显示一天的接送（机场当地日期）</translation>
    </message>
    <message>
        <source>Day (local at the airport or station)</source>
        <translation>日期（机场或车站当地）</translation>
    </message>
    <message>
        <source>The day, local at the airport or station</source>
        <translation>日期，按机场或车站当地时间</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Share a vehicle within</source>
        <translation>同车间隔</translation>
    </message>
    <message>
        <source>Arrivals within this many minutes share a vehicle</source>
        <translation>在此分钟数内到达的人同乘一车</translation>
    </message>
</context>
<context>
    <name>TransferOptionsDialog</name>
    <message>
        <source>Transfers</source>
        <translation>接送</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
    <message>
        <source>Share a vehicle within</source>
        <translation>合乘时间窗口</translation>
    </message>
</context>
<context>
    <name>TransfersPage</name>
    <message>
        <source>transfers</source>
        <translation>接送</translation>
    </message>
    <message>
        <source>Share a vehicle within</source>
        <translation>同车间隔</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>显示</translation>
    </message>
</context>
<context>
    <name>TravelTimesDialog</name>
    <message>
        <source>Travel times between venues</source>
        <translation>场地之间的交通时间</translation>
    </message>
    <message>
        <source>Travel times</source>
        <translation>交通时间</translation>
    </message>
    <message>
        <source>Pairs of venues with their own travel time; select one to change it</source>
        <translation>设有专门交通时间的场地对；选择一对即可修改</translation>
    </message>
    <message>
        <source>From venue</source>
        <translation>出发场地</translation>
    </message>
    <message>
        <source>To venue</source>
        <translation>到达场地</translation>
    </message>
    <message>
        <source>{name} (the time is the same both ways)</source>
        <translation>{name}（往返时间相同）</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
    <message>
        <source>Minutes to allow between the two venues</source>
        <translation>两个场地之间预留的分钟数</translation>
    </message>
    <message>
        <source>Set</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Set the travel time</source>
        <translation>设置交通时间</translation>
    </message>
    <message>
        <source>Give this pair of venues its own travel time</source>
        <translation>为这对场地设置专门的交通时间</translation>
    </message>
    <message>
        <source>Use the default</source>
        <translation>使用默认值</translation>
    </message>
    <message>
        <source>Remove the travel time</source>
        <translation>移除交通时间</translation>
    </message>
    <message>
        <source>The pair goes back to the plan&apos;s default time</source>
        <translation>这对场地恢复使用计划的默认时间</translation>
    </message>
    <message>
        <source>Travel time problem</source>
        <translation>交通时间问题</translation>
    </message>
    <message>
        <source>From</source>
        <translation>出发</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到达</translation>
    </message>
</context>
<context>
    <name>TravellersPanel</name>
    <message>
        <source>Travellers</source>
        <translation>旅客</translation>
    </message>
    <message>
        <source>Each traveller&apos;s seat, booking code, status and notes (double-click to change)</source>
        <translation>每位旅客的座位、订票编号、状态和备注（双击修改）</translation>
    </message>
    <message>
        <source>(choose a person)</source>
        <translation>（选择一人）</translation>
    </message>
    <message>
        <source>Person to add</source>
        <translation>要添加的人员</translation>
    </message>
    <message>
        <source>Type part of a name, then Add</source>
        <translation>输入姓名的一部分，然后点“添加”</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Put the chosen person on this journey</source>
        <translation>将所选人员加入此行程</translation>
    </message>
    <message>
        <source>Add traveller</source>
        <translation>添加旅客</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Take the selected travellers off this journey</source>
        <translation>将所选旅客从此行程中移除</translation>
    </message>
    <message>
        <source>Remove traveller</source>
        <translation>移除旅客</translation>
    </message>
    <message>
        <source>Status of {text}</source>
        <translation>{text}的状态</translation>
    </message>
    <message>
        <source>Confirmed, waitlisted or cancelled (a cancelled traveller is kept)</source>
        <translation>已确认、候补或已取消（已取消的旅客会保留）</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;New plan…</source>
        <translation>新建计划(&amp;N)…</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;Team Plan…</source>
        <translation>打开团队计划(&amp;T)…</translation>
    </message>
    <message>
        <source>Open a plan several coordinators share on a PostgreSQL server</source>
        <translation>打开多位协调人在 PostgreSQL 服务器上共享的计划</translation>
    </message>
    <message>
        <source>Save a &amp;Copy As…</source>
        <translation>另存副本(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Restore from Backup…</source>
        <translation>从备份恢复(&amp;R)…</translation>
    </message>
    <message>
        <source>Put one of the plan&apos;s automatic backups in its place</source>
        <translation>用计划的某个自动备份替换当前计划</translation>
    </message>
    <message>
        <source>&amp;Seating plan of the selected item…</source>
        <translation>所选活动的座次表(&amp;S)…</translation>
    </message>
    <message>
        <source>Lay out, edit and re-solve who sits where at the selected item</source>
        <translation>安排、编辑并重新求解所选活动的座次</translation>
    </message>
    <message>
        <source>Import &amp;people…</source>
        <translation>导入人员(&amp;P)…</translation>
    </message>
    <message>
        <source>Import &amp;calendar or schedule…</source>
        <translation>导入日历或日程表(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Export itinerary (PDF)…</source>
        <translation>导出行程单 (PDF)(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the selected person&apos;s itinerary as a PDF</source>
        <translation>将所选人员的行程单写成 PDF</translation>
    </message>
    <message>
        <source>Programme &amp;booklet (PDF)…</source>
        <translation>日程手册 (PDF)(&amp;B)…</translation>
    </message>
    <message>
        <source>A programme&apos;s booklet: each day&apos;s items, rooms and speakers</source>
        <translation>日程手册：每天的活动、会议室和发言人</translation>
    </message>
    <message>
        <source>&amp;Tour sheet (PDF)…</source>
        <translation>考察行程表 (PDF)(&amp;T)…</translation>
    </message>
    <message>
        <source>A study tour&apos;s roster, hotels and day-by-day stops</source>
        <translation>考察团的名单、酒店和每日行程</translation>
    </message>
    <message>
        <source>Selected person&apos;s &amp;calendar (.ics)…</source>
        <translation>所选人员的日历 (.ics)(&amp;C)…</translation>
    </message>
    <message>
        <source>The selected person&apos;s items and travel, for their phone&apos;s calendar</source>
        <translation>所选人员的活动和交通，供其手机日历使用</translation>
    </message>
    <message>
        <source>Programme &amp;calendar (.ics)…</source>
        <translation>日程日历 (.ics)(&amp;C)…</translation>
    </message>
    <message>
        <source>A programme&apos;s items as calendar events</source>
        <translation>日程的活动，作为日历事件</translation>
    </message>
    <message>
        <source>Programme &amp;schedule (pretalx/frab XML or JSON)…</source>
        <translation>日程日程 (pretalx/frab XML 或 JSON)(&amp;S)…</translation>
    </message>
    <message>
        <source>A conference schedule in the format of event apps and video teams</source>
        <translation>会议应用和视频团队所用格式的日程表</translation>
    </message>
    <message>
        <source>&amp;People list (CSV or Excel)…</source>
        <translation>人员名单 (CSV 或 Excel)(&amp;P)…</translation>
    </message>
    <message>
        <source>Everyone in the plan as a spreadsheet (no passport or medical notes)</source>
        <translation>计划中的全部人员，导出为电子表格（不含护照和医疗信息）</translation>
    </message>
    <message>
        <source>Trans&amp;fers (Excel or PDF)…</source>
        <translation>接送安排（Excel 或 PDF）(&amp;F)…</translation>
    </message>
    <message>
        <source>Arrivals and departures grouped into shared pick-ups</source>
        <translation>按合乘分组的抵达和离开接送</translation>
    </message>
    <message>
        <source>Ba&amp;dges (PDF)…</source>
        <translation>胸卡（PDF）(&amp;D)…</translation>
    </message>
    <message>
        <source>Name badges on A4 or Letter label sheets, with a QR code</source>
        <translation>A4 或 Letter 标签纸上的胸卡，带二维码</translation>
    </message>
    <message>
        <source>&amp;Name cards of the selected item (PDF)…</source>
        <translation>所选活动的席卡（PDF）(&amp;N)…</translation>
    </message>
    <message>
        <source>Folded table tents (席卡) for the people at the item</source>
        <translation>为活动参加人员制作的折叠席卡</translation>
    </message>
    <message>
        <source>&amp;Rooming list (PDF or Excel)…</source>
        <translation>分房表（PDF 或 Excel）(&amp;R)…</translation>
    </message>
    <message>
        <source>Rooms per hotel and night, pre- and post-tour lists apart, with totals</source>
        <translation>按酒店和夜晚列出房间，会前和会后考察分开列出，并附合计</translation>
    </message>
    <message>
        <source>Bus &amp;manifest (PDF or Excel)…</source>
        <translation>乘车名单（PDF 或 Excel）(&amp;M)…</translation>
    </message>
    <message>
        <source>A programme&apos;s vehicles per leg: driver, guide, meeting point, seats</source>
        <translation>日程中每一程的车辆：司机、导游、集合地点、座位</translation>
    </message>
    <message>
        <source>&amp;Catering sheet (PDF or Excel)…</source>
        <translation>餐饮统计表（PDF 或 Excel）(&amp;C)…</translation>
    </message>
    <message>
        <source>Dietary counts per meal for the caterer (no medical notes)</source>
        <translation>供餐饮方使用的每餐饮食统计（不含医疗信息）</translation>
    </message>
    <message>
        <source>Export &amp;all itineraries (PDF)…</source>
        <translation>导出全部行程单 (PDF)(&amp;A)…</translation>
    </message>
    <message>
        <source>Write every person&apos;s itinerary into one PDF, in the background</source>
        <translation>在后台将每个人的行程单写入一个 PDF</translation>
    </message>
    <message>
        <source>&amp;Print itinerary…</source>
        <translation>打印行程单(&amp;P)…</translation>
    </message>
    <message>
        <source>Print the selected person&apos;s itinerary</source>
        <translation>打印所选人员的行程单</translation>
    </message>
    <message>
        <source>Print pre&amp;view…</source>
        <translation>打印预览(&amp;V)…</translation>
    </message>
    <message>
        <source>The operations document of the page shown, or the selected person&apos;s itinerary, as it prints</source>
        <translation>当前页面的运营文档，或所选人员的行程单，按打印效果显示</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>关闭(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>New &amp;item…</source>
        <translation>新建活动(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Edit…</source>
        <translation>编辑(&amp;E)…</translation>
    </message>
    <message>
        <source>Edit the selected item or record</source>
        <translation>编辑所选活动或记录</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Delete the selected items or records (Undo brings them back)</source>
        <translation>删除所选活动或记录（撤销可恢复）</translation>
    </message>
    <message>
        <source>&amp;Find…</source>
        <translation>查找(&amp;F)…</translation>
    </message>
    <message>
        <source>Search the table shown</source>
        <translation>搜索当前显示的表格</translation>
    </message>
    <message>
        <source>Move item 15 min &amp;later</source>
        <translation>活动推后 15 分钟(&amp;L)</translation>
    </message>
    <message>
        <source>Ctrl+Down</source>
        <translation>Ctrl+Down</translation>
    </message>
    <message>
        <source>Move item 15 min e&amp;arlier</source>
        <translation>活动提前 15 分钟(&amp;A)</translation>
    </message>
    <message>
        <source>Ctrl+Up</source>
        <translation>Ctrl+Up</translation>
    </message>
    <message>
        <source>Book selected people into an &amp;item…</source>
        <translation>将所选人员安排参加活动(&amp;I)…</translation>
    </message>
    <message>
        <source>Add the selected people to one item</source>
        <translation>将所选人员加入一个活动</translation>
    </message>
    <message>
        <source>Book selected people onto a &amp;tour or programme…</source>
        <translation>将所选人员安排参加考察或日程(&amp;T)…</translation>
    </message>
    <message>
        <source>Add the selected people to a whole tour or programme</source>
        <translation>将所选人员加入整个考察或日程</translation>
    </message>
    <message>
        <source>Who is &amp;booked…</source>
        <translation>已安排人员(&amp;B)…</translation>
    </message>
    <message>
        <source>The people booked into the selected item or onto the selected programme</source>
        <translation>已安排所选活动或所选日程的人员</translation>
    </message>
    <message>
        <source>Add selected people to a &amp;group…</source>
        <translation>将所选人员加入团组(&amp;G)…</translation>
    </message>
    <message>
        <source>Put the selected people into a group (delegation)</source>
        <translation>将所选人员放入一个团组（代表团）</translation>
    </message>
    <message>
        <source>Seat selected people on a &amp;vehicle…</source>
        <translation>安排所选人员乘车(&amp;V)…</translation>
    </message>
    <message>
        <source>Put the selected people onto a coach or minibus, for every leg</source>
        <translation>将所选人员安排到大巴或中巴上，适用于每一程</translation>
    </message>
    <message>
        <source>Put the selected people into one &amp;room…</source>
        <translation>将所选人员安排同住一间(&amp;R)…</translation>
    </message>
    <message>
        <source>Their stays at the hotel where they all stay share one twin, double or suite</source>
        <translation>他们在共同入住的酒店合住一间双床房、大床房或套房</translation>
    </message>
    <message>
        <source>&amp;Meeting point and menu…</source>
        <translation>集合地点和菜单(&amp;M)…</translation>
    </message>
    <message>
        <source>Where and when to meet before the selected item, and a meal&apos;s menu</source>
        <translation>所选活动前的集合时间和地点，以及餐饮菜单</translation>
    </message>
    <message>
        <source>&amp;Travel times between venues…</source>
        <translation>场地之间的交通时间(&amp;T)…</translation>
    </message>
    <message>
        <source>Minutes to allow between two venues, used by the travel-time check</source>
        <translation>两个场地之间预留的分钟数，供交通时间检查使用</translation>
    </message>
    <message>
        <source>Plan &amp;details…</source>
        <translation>计划信息(&amp;D)…</translation>
    </message>
    <message>
        <source>The plan&apos;s title, organization, home time zone, coordinators and emergency numbers</source>
        <translation>计划的标题、主办单位、所在时区、协调人和紧急电话</translation>
    </message>
    <message>
        <source>&amp;Check the whole plan</source>
        <translation>检查整个计划(&amp;C)</translation>
    </message>
    <message>
        <source>Run every scheduling check again</source>
        <translation>重新运行所有日程检查</translation>
    </message>
    <message>
        <source>Pre&amp;ferences…</source>
        <translation>首选项(&amp;F)…</translation>
    </message>
    <message>
        <source>The language of the app</source>
        <translation>应用的语言</translation>
    </message>
    <message>
        <source>&amp;About TourPlanner</source>
        <translation>关于 TourPlanner(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>Mark as {lower}</source>
        <translation>标记为{lower}</translation>
    </message>
    <message>
        <source>Mark the selected items as {lower}</source>
        <translation>将所选活动标记为{lower}</translation>
    </message>
    <message>
        <source>New {lower}…</source>
        <translation>新建{lower}…</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>E&amp;xport other</source>
        <translation>其他导出(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>Item &amp;status</source>
        <translation>活动状态(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Plan</source>
        <translation>计划(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>工具栏</translation>
    </message>
    <message>
        <source>Book into item…</source>
        <translation>安排参加活动…</translation>
    </message>
    <message>
        <source>Book onto tour…</source>
        <translation>安排参加考察…</translation>
    </message>
    <message>
        <source>Add to group…</source>
        <translation>加入团组…</translation>
    </message>
    <message>
        <source>Seat on vehicle…</source>
        <translation>安排乘车…</translation>
    </message>
    <message>
        <source>One room…</source>
        <translation>同住一间…</translation>
    </message>
    <message>
        <source>Export these transfers…</source>
        <translation>导出这些接送…</translation>
    </message>
    <message>
        <source>The groups this page shows, as an Excel or PDF transfer sheet</source>
        <translation>本页显示的接送组，导出为 Excel 或 PDF 接送表</translation>
    </message>
    <message>
        <source>Menu…</source>
        <translation>菜单…</translation>
    </message>
    <message>
        <source>Catering sheet…</source>
        <translation>餐饮单…</translation>
    </message>
    <message>
        <source>Set status</source>
        <translation>设置状态</translation>
    </message>
    <message>
        <source>Confirm, mark tentative or cancel the selected items</source>
        <translation>确认所选活动、标为待定或取消</translation>
    </message>
</context>
<context>
    <name>ZonePicker</name>
    <message>
        <source>type a city, e.g. Beijing, or a zone like Asia/Shanghai</source>
        <translation>输入城市（如 Beijing）或时区（如 Asia/Shanghai）</translation>
    </message>
</context>
<context>
    <name>_Step</name>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>{verb} {text}</source>
        <translation>{verb}{text}</translation>
    </message>
    <message>
        <source>{problem} This step was taken off the undo list.</source>
        <translation>{problem}此步骤已从撤销列表中移除。</translation>
    </message>
</context>
<context>
    <name>about</name>
    <message>
        <source>text</source>
        <translation>全文</translation>
    </message>
    <message>
        <source>Plan international conferences, study tours and delegation visits; print each delegate&apos;s itinerary.</source>
        <translation>筹划国际会议、考察和代表团访问；为每位代表打印行程单。</translation>
    </message>
    <message>
        <source>Works offline: every change is saved in the plan file at once.</source>
        <translation>无需联网：每次修改都会立即保存到计划文件中。</translation>
    </message>
    <message>
        <source>Licences:</source>
        <translation>许可证：</translation>
    </message>
    <message>
        <source>Log file: {link}</source>
        <translation>日志文件：{link}</translation>
    </message>
</context>
<context>
    <name>agenda</name>
    <message>
        <source>Programme / item</source>
        <translation>日程 / 活动</translation>
    </message>
    <message>
        <source>When (local)</source>
        <translation>时间（当地）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>场地</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>TourPlanner</source>
        <translation>TourPlanner</translation>
    </message>
    <message>
        <source>The plan could not be opened.

{exc}</source>
        <translation>无法打开计划。

{exc}</translation>
    </message>
</context>
<context>
    <name>batch_export</name>
    <message>
        <source>could not write {out}: {value}</source>
        <translation>无法写入 {out}：{value}</translation>
    </message>
</context>
<context>
    <name>bookings_dialog</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Local name</source>
        <translation>当地姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Attends</source>
        <translation>出席</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>团组</translation>
    </message>
</context>
<context>
    <name>common</name>
    <message>
        <source>New</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>Update</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>No change</source>
        <translation>无变化</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>day {value}, room {quote}{room}{quote}, event {value2}</source>
        <translation>第 {value} 天，会议室 {quote}{room}{quote}，第 {value2} 项</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Import summary</source>
        <translation>导入摘要</translation>
    </message>
    <message>
        <source>Validation report</source>
        <translation>验证报告</translation>
    </message>
</context>
<context>
    <name>context</name>
    <message>
        <source>Nothing was changed.

{problem}</source>
        <translation>未作任何修改。

{problem}</translation>
    </message>
</context>
<context>
    <name>crash</name>
    <message>
        <source>TourPlanner: something went wrong</source>
        <translation>TourPlanner：出现问题</translation>
    </message>
    <message>
        <source>Sorry, TourPlanner ran into a problem of its own.</source>
        <translation>抱歉，TourPlanner 自身出现了问题。</translation>
    </message>
    <message>
        <source>What you were doing was not done, and the plan is as it was before. You can go on working; if it happens again, please send the report below (Show Details…) to your support contact.

Details are in {log_file}</source>
        <translation>您正在进行的操作没有完成，计划保持原样。您可以继续工作；如果再次出现，请将下面的报告（显示详细信息…）发送给您的技术支持联系人。

详细信息见 {log_file}</translation>
    </message>
</context>
<context>
    <name>editor_guard</name>
    <message>
        <source>Discard your changes?</source>
        <translation>放弃修改？</translation>
    </message>
    <message>
        <source>What you changed in this form has not been saved.</source>
        <translation>您在此表单中的修改尚未保存。</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
</context>
<context>
    <name>entities</name>
    <message>
        <source>Venue</source>
        <translation>场地</translation>
    </message>
    <message>
        <source>venues</source>
        <translation>场地</translation>
    </message>
    <message>
        <source>Name (English)</source>
        <translation>名称（英文）</translation>
    </message>
    <message>
        <source>Name (local)</source>
        <translation>名称（当地语言）</translation>
    </message>
    <message>
        <source>e.g. 深圳会展中心</source>
        <translation>例如 深圳会展中心</translation>
    </message>
    <message>
        <source>Address (English)</source>
        <translation>地址（英文）</translation>
    </message>
    <message>
        <source>Address (local)</source>
        <translation>地址（当地语言）</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <source>e.g. 22.5333</source>
        <translation>例如 22.5333</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <source>e.g. 114.0556</source>
        <translation>例如 114.0556</translation>
    </message>
    <message>
        <source>Hotel room</source>
        <translation>酒店客房</translation>
    </message>
    <message>
        <source>hotel rooms</source>
        <translation>酒店客房</translation>
    </message>
    <message>
        <source>Hotel stay</source>
        <translation>酒店住宿</translation>
    </message>
    <message>
        <source>Room type</source>
        <translation>房型</translation>
    </message>
    <message>
        <source>Room number</source>
        <translation>房间号</translation>
    </message>
    <message>
        <source>e.g. 1821</source>
        <translation>例如：1821</translation>
    </message>
    <message>
        <source>Sharing with</source>
        <translation>同住人</translation>
    </message>
    <message>
        <source>the other guest&apos;s stay at the same hotel</source>
        <translation>同一酒店另一位客人的住宿</translation>
    </message>
    <message>
        <source>Smoking room</source>
        <translation>吸烟房</translation>
    </message>
    <message>
        <source>Accessible room</source>
        <translation>无障碍客房</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>特殊要求</translation>
    </message>
    <message>
        <source>Confirmation number</source>
        <translation>确认号</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>e.g. Coach 1</source>
        <translation>例如：1 号大巴</translation>
    </message>
    <message>
        <source>passenger seats</source>
        <translation>乘客座位数</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>公司</translation>
    </message>
    <message>
        <source>Programme (every leg)</source>
        <translation>日程（每一程）</translation>
    </message>
    <message>
        <source>Or one item</source>
        <translation>或单个活动</translation>
    </message>
    <message>
        <source>Driver (a person)</source>
        <translation>司机（人员）</translation>
    </message>
    <message>
        <source>Or driver&apos;s name</source>
        <translation>或司机姓名</translation>
    </message>
    <message>
        <source>Driver&apos;s phone</source>
        <translation>司机电话</translation>
    </message>
    <message>
        <source>Fixed seats</source>
        <translation>固定座位</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>座位</translation>
    </message>
    <message>
        <source>seats on vehicles</source>
        <translation>车辆座位</translation>
    </message>
    <message>
        <source>Leg</source>
        <translation>行程段</translation>
    </message>
    <message>
        <source>none: every leg</source>
        <translation>空：每一程</translation>
    </message>
    <message>
        <source>e.g. 5</source>
        <translation>例如：5</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>人员安排</translation>
    </message>
    <message>
        <source>guides, drivers and interpreters</source>
        <translation>导游、司机和翻译</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Or programme</source>
        <translation>或日程</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>From language</source>
        <translation>源语言</translation>
    </message>
    <message>
        <source>e.g. en</source>
        <translation>例如：en</translation>
    </message>
    <message>
        <source>Into language</source>
        <translation>目标语言</translation>
    </message>
    <message>
        <source>e.g. zh</source>
        <translation>例如：zh</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Booth</source>
        <translation>同传间</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>会议室</translation>
    </message>
    <message>
        <source>rooms</source>
        <translation>会议室</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>e.g. 第一会议室</source>
        <translation>例如 第一会议室</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>座位数</translation>
    </message>
    <message>
        <source>leave empty for no limit</source>
        <translation>留空表示不限</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>people</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Name (Latin script)</source>
        <translation>姓名（拉丁字母）</translation>
    </message>
    <message>
        <source>Name (local script)</source>
        <translation>姓名（当地文字）</translation>
    </message>
    <message>
        <source>e.g. 王小明</source>
        <translation>例如 王小明</translation>
    </message>
    <message>
        <source>Honorific</source>
        <translation>称谓</translation>
    </message>
    <message>
        <source>e.g. Dr., Mayor</source>
        <translation>例如 博士、市长</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>the front desk or the venue&apos;s office</source>
        <translation>前台或场地办公室</translation>
    </message>
    <message>
        <source>Preferred language</source>
        <translation>首选语言</translation>
    </message>
    <message>
        <source>e.g. en, zh-Hans</source>
        <translation>例如 en、zh-Hans</translation>
    </message>
    <message>
        <source>Dietary needs</source>
        <translation>饮食要求</translation>
    </message>
    <message>
        <source>Dietary tags</source>
        <translation>饮食标签</translation>
    </message>
    <message>
        <source>for the caterer, comma-separated: vegetarian, vegan, halal, kosher, no pork, no alcohol, nut allergy, shellfish allergy, gluten free, other</source>
        <translation>供餐饮方使用，用逗号分隔：vegetarian、vegan、halal、kosher、no pork、no alcohol、nut allergy、shellfish allergy、gluten free、other</translation>
    </message>
    <message>
        <source>Other dietary need</source>
        <translation>其他饮食需求</translation>
    </message>
    <message>
        <source>what &apos;other&apos; means</source>
        <translation>“其他”的具体内容</translation>
    </message>
    <message>
        <source>Accessibility needs</source>
        <translation>无障碍需求</translation>
    </message>
    <message>
        <source>Emergency contact</source>
        <translation>紧急联系人</translation>
    </message>
    <message>
        <source>Passport and visa</source>
        <translation>护照和签证</translation>
    </message>
    <message>
        <source>Medical notes</source>
        <translation>医疗备注</translation>
    </message>
    <message>
        <source>organizations</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>团组</translation>
    </message>
    <message>
        <source>groups</source>
        <translation>团组</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>日程</translation>
    </message>
    <message>
        <source>programmes</source>
        <translation>日程</translation>
    </message>
    <message>
        <source>Title (English)</source>
        <translation>标题（英文）</translation>
    </message>
    <message>
        <source>Title (local)</source>
        <translation>标题（当地语言）</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>First day</source>
        <translation>第一天</translation>
    </message>
    <message>
        <source>Last day</source>
        <translation>最后一天</translation>
    </message>
    <message>
        <source>Part of</source>
        <translation>隶属于</translation>
    </message>
    <message>
        <source>Journey or stay</source>
        <translation>行程或住宿</translation>
    </message>
    <message>
        <source>journeys and stays</source>
        <translation>行程和住宿</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>承运方</translation>
    </message>
    <message>
        <source>e.g. Air China</source>
        <translation>例如 中国国际航空</translation>
    </message>
    <message>
        <source>Flight or train</source>
        <translation>航班或车次</translation>
    </message>
    <message>
        <source>e.g. CA 818</source>
        <translation>例如 CA 818</translation>
    </message>
    <message>
        <source>From</source>
        <translation>出发</translation>
    </message>
    <message>
        <source>an airport code, e.g. IAD</source>
        <translation>机场代码，例如 IAD</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到达</translation>
    </message>
    <message>
        <source>an airport code, e.g. PEK</source>
        <translation>机场代码，例如 PEK</translation>
    </message>
    <message>
        <source>Departs / check-in</source>
        <translation>出发 / 入住</translation>
    </message>
    <message>
        <source>Departure time zone</source>
        <translation>出发时区</translation>
    </message>
    <message>
        <source>Arrives / check-out</source>
        <translation>抵达 / 退房</translation>
    </message>
    <message>
        <source>Arrival time zone</source>
        <translation>抵达时区</translation>
    </message>
    <message>
        <source>Hotel (venue)</source>
        <translation>酒店（场地）</translation>
    </message>
    <message>
        <source>Travellers</source>
        <translation>旅客</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>gifts</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>Given or received</source>
        <translation>赠送或收受</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经手人</translation>
    </message>
    <message>
        <source>e.g. ICMA (Bob O&apos;Neill)</source>
        <translation>例如 ICMA (Bob O&apos;Neill)</translation>
    </message>
    <message>
        <source>e.g. SAFEA (Mr. Sun Zhaohua)</source>
        <translation>例如 国家外专局（孙兆华先生）</translation>
    </message>
    <message>
        <source>e.g. Cloisonné vase</source>
        <translation>例如 景泰蓝花瓶</translation>
    </message>
    <message>
        <source>Estimated value</source>
        <translation>估计价值</translation>
    </message>
    <message>
        <source>e.g. 1200</source>
        <translation>例如 1200</translation>
    </message>
    <message>
        <source>Currency</source>
        <translation>币种</translation>
    </message>
    <message>
        <source>three letters: CNY, USD</source>
        <translation>三个字母：CNY、USD</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>场合</translation>
    </message>
    <message>
        <source>e.g. the signing ceremony</source>
        <translation>例如 签约仪式</translation>
    </message>
    <message>
        <source>Kept at</source>
        <translation>存放于</translation>
    </message>
    <message>
        <source>where the gift is now</source>
        <translation>礼品现在所在的地方</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>plans</source>
        <translation>计划</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>who runs it, e.g. ICMA China Center</source>
        <translation>主办方，例如 ICMA 中国中心</translation>
    </message>
    <message>
        <source>Home time zone</source>
        <translation>所在时区</translation>
    </message>
    <message>
        <source>Coordinators and emergency numbers</source>
        <translation>协调人和紧急电话</translation>
    </message>
    <message>
        <source>printed on every itinerary&apos;s first page, one per line: the coordinators with their phone numbers, then the emergency numbers (police, ambulance…)</source>
        <translation>印在每份行程单的第一页，每行一条：先是协调人及其电话，然后是紧急电话（报警、急救…）</translation>
    </message>
    <message>
        <source>Minutes between venues in a city</source>
        <translation>同城场地之间的分钟数</translation>
    </message>
    <message>
        <source>used where no travel time between two venues is set</source>
        <translation>用于两个场地之间未设置交通时间的情况</translation>
    </message>
    <message>
        <source>Minutes between cities</source>
        <translation>城市之间的分钟数</translation>
    </message>
</context>
<context>
    <name>events</name>
    <message>
        <source>Where in the file</source>
        <translation>在文件中的位置</translation>
    </message>
    <message>
        <source>Will be</source>
        <translation>将被</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>When (local time)</source>
        <translation>时间（当地时间）</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>地点</translation>
    </message>
    <message>
        <source>New programme from the schedule</source>
        <translation>根据日程表新建日程</translation>
    </message>
</context>
<context>
    <name>export_actions</name>
    <message>
        <source>Programme booklet</source>
        <translation>日程手册</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Tour sheet</source>
        <translation>考察行程表</translation>
    </message>
    <message>
        <source>Programme calendar</source>
        <translation>日程日历</translation>
    </message>
    <message>
        <source>Calendar (*.ics)</source>
        <translation>日历 (*.ics)</translation>
    </message>
    <message>
        <source>Programme schedule</source>
        <translation>日程日程</translation>
    </message>
    <message>
        <source>Schedule (*.xml *.json)</source>
        <translation>日程表 (*.xml *.json)</translation>
    </message>
</context>
<context>
    <name>form_rows</name>
    <message>
        <source>Save, or say what to fix (Enter)</source>
        <translation>保存，或指出需要修改之处 (Enter)</translation>
    </message>
    <message>
        <source>Close without changing anything (Esc)</source>
        <translation>不作修改并关闭 (Esc)</translation>
    </message>
    <message>
        <source>Use the highlighted entry (Enter)</source>
        <translation>使用高亮的条目 (Enter)</translation>
    </message>
    <message>
        <source>Close this window (Esc)</source>
        <translation>关闭此窗口 (Esc)</translation>
    </message>
</context>
<context>
    <name>item_editor</name>
    <message>
        <source>Edit a repeating item</source>
        <translation>编辑重复活动</translation>
    </message>
    <message>
        <source>Change only the occurrence of {occurrence}, or all of them?</source>
        <translation>只修改 {occurrence} 这一次，还是全部修改？</translation>
    </message>
    <message>
        <source>This occurrence</source>
        <translation>仅这一次</translation>
    </message>
    <message>
        <source>All occurrences</source>
        <translation>全部</translation>
    </message>
</context>
<context>
    <name>journey_editor</name>
    <message>
        <source>Flight</source>
        <translation>航班</translation>
    </message>
    <message>
        <source>From (airport)</source>
        <translation>出发（机场）</translation>
    </message>
    <message>
        <source>To (airport)</source>
        <translation>到达（机场）</translation>
    </message>
    <message>
        <source>Departs</source>
        <translation>出发</translation>
    </message>
    <message>
        <source>Arrives</source>
        <translation>抵达</translation>
    </message>
    <message>
        <source>Train</source>
        <translation>火车</translation>
    </message>
    <message>
        <source>From (station)</source>
        <translation>出发（车站）</translation>
    </message>
    <message>
        <source>To (station)</source>
        <translation>到达（车站）</translation>
    </message>
    <message>
        <source>Vehicle or booking</source>
        <translation>车辆或预订</translation>
    </message>
    <message>
        <source>From</source>
        <translation>出发</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到达</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Hotel name (if not a venue)</source>
        <translation>酒店名称（如非场地）</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>入住</translation>
    </message>
    <message>
        <source>Check-out</source>
        <translation>退房</translation>
    </message>
</context>
<context>
    <name>layout</name>
    <message>
        <source>No venue</source>
        <translation>无场地</translation>
    </message>
</context>
<context>
    <name>listings</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Local name</source>
        <translation>当地姓名</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>团组</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Time zone</source>
        <translation>时区</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>会议室</translation>
    </message>
    <message>
        <source>Room</source>
        <translation>会议室</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>场地</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>座位数</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>Country</source>
        <translation>国家</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Local title</source>
        <translation>当地语言标题</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>When (local)</source>
        <translation>时间（当地）</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>日程</translation>
    </message>
    <message>
        <source>Travellers</source>
        <translation>旅客</translation>
    </message>
    <message>
        <source>Carrier</source>
        <translation>承运方</translation>
    </message>
    <message>
        <source>Route or hotel</source>
        <translation>路线或酒店</translation>
    </message>
    <message>
        <source>Departs / in</source>
        <translation>出发 / 入住</translation>
    </message>
    <message>
        <source>Arrives / out</source>
        <translation>抵达 / 退房</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Given / received</source>
        <translation>赠出 / 收到</translation>
    </message>
    <message>
        <source>By</source>
        <translation>经手人</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到达</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>价值</translation>
    </message>
    <message>
        <source>Occasion</source>
        <translation>场合</translation>
    </message>
    <message>
        <source>Kept at</source>
        <translation>存放于</translation>
    </message>
    <message>
        <source>Guest</source>
        <translation>客人</translation>
    </message>
    <message>
        <source>Hotel</source>
        <translation>酒店</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>入住</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Sharing with</source>
        <translation>同住人</translation>
    </message>
    <message>
        <source>Confirmation</source>
        <translation>确认号</translation>
    </message>
    <message>
        <source>Vehicle</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Seated</source>
        <translation>已就座</translation>
    </message>
    <message>
        <source>Serves</source>
        <translation>服务于</translation>
    </message>
    <message>
        <source>Driver</source>
        <translation>司机</translation>
    </message>
    <message>
        <source>Plate</source>
        <translation>车牌</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>座位</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Leg</source>
        <translation>行程段</translation>
    </message>
    <message>
        <source>For</source>
        <translation>用于</translation>
    </message>
    <message>
        <source>Languages</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Transfer</source>
        <translation>接送</translation>
    </message>
    <message>
        <source>Pick-up (local)</source>
        <translation>接人时间（当地）</translation>
    </message>
    <message>
        <source>Airport or station</source>
        <translation>机场或车站</translation>
    </message>
    <message>
        <source>Terminal</source>
        <translation>航站楼</translation>
    </message>
    <message>
        <source>Flights or trains</source>
        <translation>航班或车次</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>接机牌</translation>
    </message>
    <message>
        <source>Passengers</source>
        <translation>乘客</translation>
    </message>
    <message>
        <source>Meal</source>
        <translation>餐次</translation>
    </message>
    <message>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <source>Diners</source>
        <translation>用餐人数</translation>
    </message>
    <message>
        <source>No restriction</source>
        <translation>无饮食限制</translation>
    </message>
</context>
<context>
    <name>menu</name>
    <message>
        <source>Not fixed yet: shown hatched</source>
        <translation>尚未确定：以斜线显示</translation>
    </message>
    <message>
        <source>Fixed: shown plain</source>
        <translation>已确定：正常显示</translation>
    </message>
    <message>
        <source>Called off: kept in the plan, shown greyed and struck through</source>
        <translation>已取消：保留在计划中，以灰色加删除线显示</translation>
    </message>
    <message>
        <source>Actions for {title_en}</source>
        <translation>{title_en} 的操作</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Open this item in the editor (Enter)</source>
        <translation>在编辑器中打开此活动 (Enter)</translation>
    </message>
    <message>
        <source> (a repeating item: change its times in the editor)</source>
        <translation>（重复活动：请在编辑器中修改其时间）</translation>
    </message>
    <message>
        <source>Move 15 min earlier</source>
        <translation>提前 15 分钟</translation>
    </message>
    <message>
        <source>Start and end 15 minutes earlier</source>
        <translation>开始和结束均提前 15 分钟</translation>
    </message>
    <message>
        <source>Move 15 min later</source>
        <translation>推后 15 分钟</translation>
    </message>
    <message>
        <source>Start and end 15 minutes later</source>
        <translation>开始和结束均推后 15 分钟</translation>
    </message>
    <message>
        <source>Mark as {value}</source>
        <translation>标记为{value}</translation>
    </message>
    <message>
        <source> (every occurrence of this repeating item)</source>
        <translation>（此重复活动的每一次）</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete this item (Delete key)</source>
        <translation>删除此活动 (Delete 键)</translation>
    </message>
</context>
<context>
    <name>opening</name>
    <message>
        <source>Open plan</source>
        <translation>打开计划</translation>
    </message>
    <message>
        <source>The plan could not be opened.

{exc}</source>
        <translation>无法打开计划。

{exc}</translation>
    </message>
    <message>
        <source>Plan in use</source>
        <translation>计划正在使用</translation>
    </message>
    <message>
        <source>{name} is open in another program.</source>
        <translation>{name} 正在被另一个程序打开。</translation>
    </message>
    <message>
        <source>{locked}

Opened read-only, the plan can be looked at, checked, printed and exported, but not changed.</source>
        <translation>{locked}

以只读方式打开，可以查看、检查、打印和导出计划，但不能修改。</translation>
    </message>
    <message>
        <source>Open read-only</source>
        <translation>以只读方式打开</translation>
    </message>
    <message>
        <source>Break the lock and open</source>
        <translation>解除锁定并打开</translation>
    </message>
</context>
<context>
    <name>pages</name>
    <message>
        <source>Timeline</source>
        <translation>时间轴</translation>
    </message>
    <message>
        <source>Agenda</source>
        <translation>日程总览</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Travel</source>
        <translation>交通</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>团组</translation>
    </message>
    <message>
        <source>Organizations</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Venues</source>
        <translation>场地</translation>
    </message>
    <message>
        <source>Rooms</source>
        <translation>会议室</translation>
    </message>
    <message>
        <source>Programmes</source>
        <translation>日程</translation>
    </message>
    <message>
        <source>Gifts</source>
        <translation>礼品</translation>
    </message>
    <message>
        <source>Hotel rooms</source>
        <translation>酒店客房</translation>
    </message>
    <message>
        <source>Vehicles</source>
        <translation>车辆</translation>
    </message>
    <message>
        <source>Seats</source>
        <translation>座位</translation>
    </message>
    <message>
        <source>Guides and interpreters</source>
        <translation>导游和翻译</translation>
    </message>
    <message>
        <source>Transfers</source>
        <translation>接送</translation>
    </message>
    <message>
        <source>Meals</source>
        <translation>餐饮</translation>
    </message>
</context>
<context>
    <name>panel</name>
    <message>
        <source>Errors</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>警告</translation>
    </message>
</context>
<context>
    <name>pdf_pages</name>
    <message>
        <source>The document&apos;s PDF cannot be read ({exc}).</source>
        <translation>无法读取该文档的 PDF（{exc}）。</translation>
    </message>
</context>
<context>
    <name>people</name>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Will be</source>
        <translation>将被</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Local name</source>
        <translation>当地姓名</translation>
    </message>
    <message>
        <source>Organization</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮件</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>团组</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Ask when ambiguous (02/03/2015 refused)</source>
        <translation>有歧义时询问（拒绝 02/03/2015）</translation>
    </message>
    <message>
        <source>Day first: 19/04/2015</source>
        <translation>日在前：19/04/2015</translation>
    </message>
    <message>
        <source>Month first: 04/19/2015</source>
        <translation>月在前：04/19/2015</translation>
    </message>
    <message>
        <source>Headers in English or Chinese are recognised (Name, First name, 姓名, 姓, 名, Organization, 单位, Email, 邮箱, Phone, 电话, Dietary, 饮食, Passport, 护照, Group, 团组…). People already in the plan are matched by email, else by name and organization, and updated rather than added twice.</source>
        <translation>可识别英文或中文表头（Name、First name、姓名、姓、名、Organization、单位、Email、邮箱、Phone、电话、Dietary、饮食、Passport、护照、Group、团组…）。计划中已有的人员按电子邮件匹配，否则按姓名和单位匹配，并予以更新而不会重复添加。</translation>
    </message>
</context>
<context>
    <name>preview</name>
    <message>
        <source>This itinerary cannot be shown: {problem}.</source>
        <translation>无法显示此行程单：{problem}。</translation>
    </message>
</context>
<context>
    <name>printing</name>
    <message>
        <source>Print itinerary</source>
        <translation>打印行程单</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
    <message>
        <source>Itinerary — {name}</source>
        <translation>行程单 — {name}</translation>
    </message>
</context>
<context>
    <name>repeat_box</name>
    <message>
        <source>Does not repeat</source>
        <translation>不重复</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>每天</translation>
    </message>
    <message>
        <source>Every week on…</source>
        <translation>每周的…</translation>
    </message>
    <message>
        <source>until the programme ends</source>
        <translation>直到日程结束</translation>
    </message>
    <message>
        <source>times:</source>
        <translation>次数：</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>ddd d MMM yyyy</source>
        <translation>yyyy年M月d日 dddd</translation>
    </message>
    <message>
        <source>Every N days</source>
        <translation>每 N 天</translation>
    </message>
</context>
<context>
    <name>restore_dialog</name>
    <message>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>活动</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>while open</source>
        <translation>打开期间</translation>
    </message>
    <message>
        <source>on closing</source>
        <translation>关闭时</translation>
    </message>
    <message>
        <source>before an import</source>
        <translation>导入之前</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>恢复之前</translation>
    </message>
    <message>
        <source>before a repair</source>
        <translation>修复之前</translation>
    </message>
    <message>
        <source>before an upgrade (schema {reason})</source>
        <translation>升级之前（架构 {reason}）</translation>
    </message>
</context>
<context>
    <name>seating_editor</name>
    <message>
        <source>meeting</source>
        <translation>会见</translation>
    </message>
    <message>
        <source>signing</source>
        <translation>签字仪式</translation>
    </message>
    <message>
        <source>rostrum</source>
        <translation>主席台</translation>
    </message>
    <message>
        <source>photo</source>
        <translation>合影</translation>
    </message>
    <message>
        <source>motorcade</source>
        <translation>车队</translation>
    </message>
    <message>
        <source>banquet</source>
        <translation>宴会</translation>
    </message>
    <message>
        <source>chinese</source>
        <translation>中方惯例（以左为尊）</translation>
    </message>
    <message>
        <source>international</source>
        <translation>国际惯例（以右为尊）</translation>
    </message>
    <message>
        <source>host</source>
        <translation>主方</translation>
    </message>
    <message>
        <source>guest</source>
        <translation>客方</translation>
    </message>
    <message>
        <source>{seat}: {name} (locked)</source>
        <translation>{seat}：{name}（已锁定）</translation>
    </message>
    <message>
        <source>{seat}: {name}</source>
        <translation>{seat}：{name}</translation>
    </message>
    <message>
        <source>empty</source>
        <translation>空</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>Select an item first (in the timeline, agenda or items table)</source>
        <translation>请先选择一个活动（在时间轴、日程总览或活动表中）</translation>
    </message>
</context>
<context>
    <name>travel_times_dialog</name>
    <message>
        <source>From</source>
        <translation>出发</translation>
    </message>
    <message>
        <source>To</source>
        <translation>到达</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>分钟</translation>
    </message>
</context>
<context>
    <name>travellers_panel</name>
    <message>
        <source>Traveller</source>
        <translation>旅客</translation>
    </message>
    <message>
        <source>Seat</source>
        <translation>座位</translation>
    </message>
    <message>
        <source>Booking code</source>
        <translation>订票编号</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
</TS>
