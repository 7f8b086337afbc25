"""The desk's words, in Chinese and English (F2 switches)."""

from __future__ import annotations

from kiosk.text import neutralise

WORDS: dict[str, dict[str, str]] = {
    # sign in
    "sign_in_title": {"zh": "服务台 · 志愿者登录", "en": "Help desk · volunteer sign-in"},
    "name": {"zh": "姓名", "en": "Name"},
    "pin": {"zh": "密码(PIN)", "en": "PIN"},
    "sign_in_hint": {"zh": "输入姓名和个人密码，按 Enter 登录。",
                     "en": "Type your name and personal PIN, then press Enter."},
    "wrong_pin": {"zh": "姓名或密码不对，请再试。", "en": "That name or PIN is not right. Try again."},
    "locked": {"zh": "错误次数太多，{time} 以后再试，或请管理员重设密码。",
               "en": "Too many wrong PINs. Try again after {time}, or ask for a new PIN."},
    "signed_out_idle": {"zh": "长时间没有操作，已自动退出。", "en": "Signed out after a quiet spell."},
    # help queue
    "queue_title": {"zh": "求助队列", "en": "Help requests"},
    "signed_in_as": {"zh": "志愿者：{name}", "en": "Volunteer: {name}"},
    "wait": {"zh": "等待", "en": "Wait"},
    "kiosk": {"zh": "自助机", "en": "Kiosk"},
    "service": {"zh": "事项", "en": "Service"},
    "step": {"zh": "步骤", "en": "Step"},
    "state": {"zh": "状态", "en": "Status"},
    "waiting": {"zh": "等待中", "en": "waiting"},
    "coming": {"zh": "{name} 正在去", "en": "{name} coming"},
    "no_requests": {"zh": "现在没有人求助。", "en": "Nobody is asking for help right now."},
    "accepted_by_other": {"zh": "这个求助已经由 {name} 接了。",
                          "en": "{name} has already taken this request."},
    "accepted": {"zh": "已接：{kiosk} 会显示“{name} 正在过来”。",
                 "en": "Taken: {kiosk} now shows that {name} is coming."},
    "closed": {"zh": "已结束：{kiosk}", "en": "Closed: {kiosk}"},
    "no_draft_yet": {"zh": "这位访客还没有开始填表。", "en": "This visitor has not started a form."},
    "no_service": {"zh": "还没选事项", "en": "no service yet"},
    # steps that are not questions
    "step_check": {"zh": "核对信息", "en": "Checking answers"},
    "step_finish": {"zh": "已完成", "en": "Finished"},
    "step_service": {"zh": "看事项说明", "en": "Reading the service"},
    "step_phone": {"zh": "转到手机", "en": "Moving to a phone"},
    "step_none": {"zh": "首页", "en": "Start screen"},
    # outcomes
    "outcome_title": {"zh": "结束这个求助：结果是？", "en": "Close this request: what happened?"},
    "outcome_solved": {"zh": "已解决", "en": "Solved"},
    "outcome_sent_to_window": {"zh": "请去窗口办理", "en": "Sent to a window"},
    "outcome_visitor_left": {"zh": "访客已离开", "en": "Visitor had left"},
    "outcome_other": {"zh": "其他", "en": "Other"},
    "outcome_note": {"zh": "备注（可不填）", "en": "Note (optional)"},
    # resume code
    "code_title": {"zh": "输入续填码（8位数字）", "en": "Resume code (8 digits)"},
    "code_unknown": {"zh": "没有找到这个续填码的表。", "en": "No live form has that resume code."},
    # draft
    "draft_where": {"zh": "访客在：{step}", "en": "Visitor is at: {step}"},
    "draft_code": {"zh": "续填码 {code}", "en": "code {code}"},
    "question": {"zh": "问题", "en": "Question"},
    "answer": {"zh": "回答", "en": "Answer"},
    "check": {"zh": "检查", "en": "Check"},
    "ok": {"zh": "✓", "en": "✓"},
    "missing": {"zh": "✗ 未填", "en": "✗ missing"},
    "wrong": {"zh": "✗ 有误", "en": "✗ wrong"},
    "derived": {"zh": "自动", "en": "auto"},
    "problems_count": {"zh": "还有 {n} 项要填或要改", "en": "{n} to fill or correct"},
    "no_problems": {"zh": "全部填好了", "en": "All answered"},
    "edit_prompt": {"zh": "改“{label}”：输入后按 Enter 保存，Esc 取消", "en":
                    "Change “{label}”: type, Enter saves, Esc cancels"},
    "choices": {"zh": "可选：{list}", "en": "Choose: {list}"},
    "saved": {"zh": "已保存“{label}”，记录为 {name} 修改。",
              "en": "Saved “{label}”, recorded as changed by {name}."},
    "not_editable": {"zh": "这份表已经提交，不能再改。", "en": "This form is submitted; it cannot change."},
    "derived_not_editable": {"zh": "这一项从身份证号码自动得出，请改身份证号码。",
                             "en": "This comes from the ID number: correct the ID number instead."},
    "changed_by": {"zh": "最近：{who}", "en": "Last: {who}"},
    # window
    "window_title": {"zh": "窗口 · 已提交的申请", "en": "Windows · submitted applications"},
    "reference": {"zh": "受理编号", "en": "Reference"},
    "submitted_day": {"zh": "提交日", "en": "Submitted"},
    "updated": {"zh": "更新", "en": "Updated"},
    "no_applications": {"zh": "没有等待办理的申请。", "en": "No applications are waiting."},
    "showing_done": {"zh": "（含已办结）", "en": "(including done)"},
    "status_open": {"zh": "填写中", "en": "being filled"},
    "status_cancelled": {"zh": "已撤回", "en": "withdrawn"},
    "status_submitted": {"zh": "已提交", "en": "submitted"},
    "status_received": {"zh": "已受理", "en": "received"},
    "status_more_materials_needed": {"zh": "需补材料", "en": "more materials needed"},
    "status_done": {"zh": "已办结", "en": "done"},
    "materials": {"zh": "材料", "en": "Materials"},
    "photos": {"zh": "照片", "en": "Photos"},
    "required": {"zh": "必需", "en": "required"},
    "no_uploads": {"zh": "没有上传照片", "en": "no photos sent"},
    "note": {"zh": "备注", "en": "Note"},
    "status_title": {"zh": "设置办理状态", "en": "Set the status"},
    "status_materials": {"zh": "要补的材料（空格选择）", "en": "Materials still needed (Space)"},
    "status_note": {"zh": "给访客看的备注", "en": "Note the visitor reads"},
    "status_needs_more": {"zh": "请选出要补的材料，或写备注。",
                          "en": "Choose the missing materials or write a note."},
    "status_set": {"zh": "已设为：{status}", "en": "Status set: {status}"},
    "reveal": {"zh": "完整：{label} {value}", "en": "In full: {label} {value}"},
    # report
    "report_title": {"zh": "大厅日报 {day}", "en": "The hall's day {day}"},
    "r_started": {"zh": "开始填表", "en": "started"},
    "r_finished": {"zh": "填完", "en": "finished"},
    "r_moved": {"zh": "转到手机", "en": "to a phone"},
    "r_submitted": {"zh": "提交", "en": "submitted"},
    "r_done": {"zh": "窗口办结", "en": "done at window"},
    "r_help": {"zh": "求助 {asked} 次，接 {accepted} 次，访客取消 {cancelled} 次，等待中位数 {median}",
               "en": "help asked {asked}, taken {accepted}, cancelled {cancelled}, median wait "
                     "{median}"},
    "r_abandoned": {"zh": "没填完就走的事项", "en": "Left unfinished"},
    "r_count": {"zh": "次", "en": "n"},
    "r_where": {"zh": "停在哪一步", "en": "Stopped at"},
    "r_misses": {"zh": "没搜到的词", "en": "Not found"},
    "r_loading": {"zh": "正在计算…", "en": "Counting…"},
    # keys (the line at the bottom)
    "k_accept": {"zh": "接", "en": "take"},
    "k_close": {"zh": "结束", "en": "close"},
    "k_open": {"zh": "打开", "en": "open"},
    "k_code": {"zh": "续填码", "en": "code"},
    "k_window": {"zh": "窗口", "en": "window"},
    "k_report": {"zh": "日报", "en": "report"},
    "k_language": {"zh": "English", "en": "中文"},
    "k_sign_out": {"zh": "退出", "en": "sign out"},
    "k_back": {"zh": "返回", "en": "back"},
    "k_edit": {"zh": "修改", "en": "edit"},
    "k_save": {"zh": "保存", "en": "save"},
    "k_cancel": {"zh": "取消", "en": "cancel"},
    "k_quit": {"zh": "关闭", "en": "quit"},
    "k_status": {"zh": "设状态", "en": "set status"},
    "k_reveal": {"zh": "显示完整", "en": "show in full"},
    "k_all": {"zh": "含已办结", "en": "show done"},
    "k_day": {"zh": "前/后一天", "en": "day before/after"},
    "k_today": {"zh": "今天", "en": "today"},
    "k_sign_in": {"zh": "登录", "en": "sign in"},
    "k_next_field": {"zh": "下一栏", "en": "next field"},
    "k_toggle": {"zh": "选择", "en": "choose"},
}


def say(key: str, lang: str, **values: object) -> str:
    """The words for `key` in `lang`, with values filled in (values are never markup)."""
    entry = WORDS[key]
    text = entry.get(lang) or entry["zh"]
    return text.format(**values) if values else text


def status_word(status: str, lang: str) -> str:
    """A draft's status in words; one we do not know is shown as it is."""
    key = f"status_{status}"
    return say(key, lang) if key in WORDS else " ".join(neutralise(status).split())
