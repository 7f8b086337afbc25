"""The phone page's own words, in both languages.

Staff can change any of them without a programmer: a key `phone.<name>` in
assets/texts.yaml overrides the default here.
"""

from __future__ import annotations

from collections.abc import Mapping

DEFAULTS: dict[str, dict[str, str]] = {
    "hall": {"zh": "政务服务大厅", "en": "Government Service Hall"},
    "switch_language": {"zh": "English", "en": "中文"},
    "step": {"zh": "第{n}步，共{total}步", "en": "Step {n} of {total}"},
    "next": {"zh": "下一步", "en": "Next"},
    "back": {"zh": "上一步", "en": "Back"},
    "to_check": {"zh": "下一步：检查所填内容", "en": "Next: check your answers"},
    "save_and_check": {"zh": "保存，回到检查页", "en": "Save and go back to checking"},
    "saving": {"zh": "正在保存……", "en": "Saving…"},
    "saved": {"zh": "已自动保存", "en": "Saved"},
    "not_saved": {"zh": "没有保存上，请检查网络，再按“下一步”。",
                  "en": "Not saved. Check your connection, then press Next."},
    "error_title": {"zh": "请先改正下面的问题", "en": "Please fix this first"},
    "error_prefix": {"zh": "错误：", "en": "Error: "},
    "choose": {"zh": "请选择", "en": "Choose"},
    "year": {"zh": "年", "en": "Year"},
    "month": {"zh": "月", "en": "Month"},
    "day": {"zh": "日", "en": "Day"},
    "example": {"zh": "例如：{example}", "en": "For example: {example}"},
    # The footer of every page: where to get help. The visitor is often at home, so it
    # names the hall and a phone number. HALL_ADDRESS, HALL_PHONE and HALL_HOURS are
    # PLACEHOLDERS: each hall sets its own (phone.hall_address, phone.hall_phone and
    # phone.hall_hours in assets/texts.yaml) before the phone page goes live.
    "help_title": {"zh": "需要帮忙？", "en": "Need help?"},
    "help_visit": {"zh": "请到{address}，找工作人员。",
                   "en": "Ask the staff at the help desk: {address}."},
    "help_call": {"zh": "或者打电话：", "en": "Or call:"},
    "help_hours": {"zh": "（{hours}）", "en": " ({hours})"},
    "hall_address": {"zh": "江北区政务服务中心一楼服务台",  # PLACEHOLDER: set by the hall
                     "en": "Jiangbei District Government Service Centre, ground floor"},
    "hall_phone": {"zh": "0574-8888 0000", "en": "0574-8888 0000"},  # PLACEHOLDER: set by the hall
    "hall_hours": {"zh": "工作日 9:00—17:00",  # PLACEHOLDER: set by the hall
                   "en": "working days, 9:00 to 17:00"},
    # the draft's front page
    "overview_lead": {"zh": "这是您在自助机上开始填写的表。",
                      "en": "This is the form you started at the kiosk."},
    "progress": {"zh": "已经填好 {done} 项，一共 {total} 项。",
                 "en": "{done} of {total} questions answered."},
    "all_answered": {"zh": "所有问题都填好了，请检查后提交。",
                     "en": "Every question is answered. Please check, then submit."},
    "start": {"zh": "开始填写", "en": "Start"},
    "continue": {"zh": "接着填写", "en": "Continue"},
    "check_and_submit": {"zh": "检查并提交", "en": "Check and submit"},
    "photograph": {"zh": "给材料拍照", "en": "Photograph your documents"},
    "saved_note": {"zh": "您在手机上填的内容会马上保存，自助机上也能看到。",
                   "en": "What you enter here is saved at once and shows on the kiosk too."},
    "valid_until": {"zh": "这个链接在{date}以前都能打开。", "en": "This link works until {date}."},
    "where": {"zh": "办理地点", "en": "Where to go"},
    "how_long": {"zh": "办理时间", "en": "How long it takes"},
    "fee": {"zh": "费用", "en": "Fee"},
    "department": {"zh": "办理部门", "en": "Department"},
    # check your answers
    "check_title": {"zh": "请检查您填的内容", "en": "Check your answers"},
    "check_lead": {"zh": "哪一项不对，就按它下面的“修改”。",
                   "en": "If something is wrong, press “Change” under it."},
    "change": {"zh": "修改", "en": "Change"},
    "not_answered": {"zh": "还没有填", "en": "Not answered yet"},
    "left_empty": {"zh": "没有填（可以不填）", "en": "Left empty (optional)"},
    "derived": {"zh": "根据身份证号码自动填写", "en": "Filled in from your ID number"},
    "to_fix": {"zh": "还有 {n} 项要改正，改好后才能提交。",
               "en": "{n} answer(s) need fixing before you can submit."},
    "materials_title": {"zh": "材料照片", "en": "Photos of documents"},
    "material_in": {"zh": "已拍 {n} 张", "en": "{n} photo(s) in"},
    "material_missing": {"zh": "还没有拍。也可以办理时把原件带到窗口。",
                         "en": "No photo yet. You can also bring the original to the window."},
    "material_optional": {"zh": "没有拍（可以不拍）", "en": "No photo (optional)"},
    "required": {"zh": "必须", "en": "Required"},
    "optional": {"zh": "可以不交", "en": "Optional"},
    "submit": {"zh": "确认无误，提交", "en": "All correct: submit"},
    "submit_note": {"zh": "提交以后就不能再改了。", "en": "Once submitted, it cannot be changed."},
    # materials
    "materials_lead": {
        "zh": "把材料平放在桌上，光线要亮，整张都拍进去。不拍也可以，办理时把原件带到窗口。",
        "en": "Lay the document flat in good light and get all of it in the picture. You may "
              "skip this and bring the original to the window instead."},
    "take_photo": {"zh": "拍照上传", "en": "Take a photo"},
    "choose_photo": {"zh": "从手机相册里选一张", "en": "Choose one from your photos"},
    "pick_file": {"zh": "拍照或选照片：", "en": "Take or choose a photo:"},
    "upload": {"zh": "上传这张照片", "en": "Upload this photo"},
    "uploading": {"zh": "正在上传，请稍等……", "en": "Uploading, please wait…"},
    "uploaded": {"zh": "照片已经收到了。", "en": "We have your photo."},
    "photo_n": {"zh": "第{n}张照片", "en": "Photo {n}"},
    "remove": {"zh": "删掉这张", "en": "Remove this photo"},
    "another": {"zh": "再拍一张", "en": "Take another photo"},
    "done_materials": {"zh": "拍好了，返回", "en": "Done, go back"},
    "back_to_form": {"zh": "回到表格首页", "en": "Back to the form"},
    "to_materials": {"zh": "返回材料列表", "en": "Back to the list of documents"},
    # receipt and status
    "submitted_title": {"zh": "提交成功", "en": "Submitted"},
    "reference": {"zh": "受理编号", "en": "Reference number"},
    "reference_note": {"zh": "到窗口时，给工作人员看这一页，或者告诉他们这个编号。",
                       "en": "At the window, show this page or tell the staff this number."},
    "next_title": {"zh": "接下来怎么办", "en": "What happens next"},
    "go_to": {"zh": "请到", "en": "Go to"},
    "bring": {"zh": "请带上", "en": "Bring"},
    "photo_taken": {"zh": "已拍照，仍请带原件", "en": "photo sent; still bring the original"},
    "status": {"zh": "办理进度", "en": "Status"},
    # one per status of kiosk.window (STATUS_WORDS in routes/submission.py)
    "status_submitted": {"zh": "已提交，等待窗口受理",
                         "en": "Submitted, waiting for the window to take it up"},
    "status_received": {"zh": "窗口已受理", "en": "Taken up by the window"},
    "status_more_materials_needed": {"zh": "还需要补充材料", "en": "More documents needed"},
    "status_done": {"zh": "已办结", "en": "Finished"},
    "status_other": {"zh": "已经结束", "en": "Closed"},
    "lead_submitted": {"zh": "窗口的工作人员会查看您提交的内容。以后再打开这个链接，就能看到办理进度。",
                       "en": "The staff at the window will look at what you sent. Open this "
                             "link again later to see how it is going."},
    "lead_received": {"zh": "窗口已经收到您的申请，正在办理。",
                      "en": "The window has your application and is working on it."},
    "lead_more_materials_needed": {"zh": "窗口还需要下面的材料，才能办完。",
                                   "en": "The window needs the documents below to finish."},
    "lead_done": {"zh": "窗口已经办完了您的申请。",
                  "en": "The window has finished your application."},
    "status_since": {"zh": "更新时间：{when}", "en": "Since {when}"},
    "window_note": {"zh": "窗口留言", "en": "Message from the window"},
    "more_title": {"zh": "请补充这些材料", "en": "Please add these documents"},
    "more_how": {"zh": "可以在手机上拍照上传：按材料名字。也可以把原件带到窗口。",
                 "en": "Take a photo with this phone: press the document's name. Or bring "
                       "the original to the window."},
    "more_see_note": {"zh": "要补什么，请看上面窗口的留言。",
                      "en": "The message from the window above says what is needed."},
    "more_photos": {"zh": "已补拍 {n} 张", "en": "{n} new photo(s) sent"},
    "more_no_photo": {"zh": "还没有补拍", "en": "No new photo yet"},
    "asked_by_window": {"zh": "窗口要求补充", "en": "Asked for by the window"},
    "bring_to": {"zh": "原件请带到", "en": "Bring the originals to"},
    "bring_to_hall": {"zh": "政务服务大厅的办事窗口", "en": "a window at the service hall"},
    "answers_title": {"zh": "您填写的内容", "en": "Your answers"},
    "read_only": {"zh": "已经提交，不能再改。要改的话，请到窗口找工作人员。",
                  "en": "This has been submitted and cannot be changed. To change it, ask "
                        "at the window."},
    # home and errors
    "home_title": {"zh": "请用手机扫自助机上的二维码", "en": "Scan the QR code on the kiosk"},
    "home_body": {"zh": "扫码后，您在自助机上填的表会在手机上打开。",
                  "en": "Your form from the kiosk then opens on this phone."},
    "error_404_title": {"zh": "找不到这个链接", "en": "We cannot find this link"},
    "error_404_body": {
        "zh": "链接可能不完整。请回到自助机再扫一次二维码，或者到服务台请工作人员帮忙。",
        "en": "The link may be incomplete. Please scan the QR code at the kiosk again, or ask "
              "at the help desk."},
    "error_410_title": {"zh": "这个链接已经过期了", "en": "This link has expired"},
    "error_410_body": {
        "zh": "为了保护您的信息，链接只在几天内有效。您填过的内容还在：请回到自助机，用续填码打开，"
              "再扫新的二维码。",
        "en": "To protect your details, a link works for a few days only. What you entered is "
              "kept: open it at the kiosk with your resume code and scan the new QR code."},
    "error_403_title": {"zh": "请重新打开这一页", "en": "Please open this page again"},
    "error_403_body": {
        "zh": "为了安全，刚才这一步没有保存。请按下面的按钮重新打开这一页，再做一次。",
        "en": "For your safety, that step was not saved. Press the button below to open the "
              "page again, then try once more."},
    "error_400_title": {"zh": "没能看懂刚才发来的内容", "en": "We could not read what was sent"},
    "error_400_body": {"zh": "什么都没有改动。请返回，再试一次。",
                       "en": "Nothing was changed. Please go back and try again."},
    "error_413_title": {"zh": "这张照片太大了", "en": "This photo is too large"},
    "error_413_body": {
        "zh": "照片最大10MB，刚才的没有保存。请重新拍一张，或者选一张小一些的。",
        "en": "A photo may be at most 10 MB; that one was not kept. Please take it again, or "
              "choose a smaller one."},
    "error_415_title": {"zh": "这不是一张照片", "en": "This is not a photo"},
    "error_415_body": {
        "zh": "只能上传照片（JPG、PNG、WEBP格式），刚才的文件没有保存。请直接拍照上传。",
        "en": "Only photos (JPG, PNG or WEBP) can be sent; that file was not kept. Please take "
              "a photo instead."},
    "error_409_title": {"zh": "这份表已经提交了", "en": "This form has been submitted"},
    "error_409_body": {"zh": "提交以后就不能再改了。要改的话，请到窗口找工作人员。",
                       "en": "It cannot be changed any more. To change it, ask at the window."},
    "error_429_title": {"zh": "照片已经够多了", "en": "That is enough photos"},
    "error_429_body": {"zh": "这一项的照片已经够多了。不清楚的可以先删掉，再重新拍。",
                       "en": "This item has plenty of photos. Remove an unclear one before "
                             "taking another."},
    "error_503_title": {"zh": "现在暂时用不了", "en": "Not available right now"},
    "error_503_body": {"zh": "您填的内容没有丢。请稍后再试，或者到服务台请工作人员帮忙。",
                       "en": "Nothing you entered is lost. Please try again later, or ask at "
                             "the help desk."},
    "error_500_title": {"zh": "出了点问题", "en": "Something went wrong"},
    "error_500_body": {"zh": "您之前填的内容都还在。请稍后再试，或者到服务台请工作人员帮忙。",
                       "en": "Everything you entered before is kept. Please try again later, "
                             "or ask at the help desk."},
    "open_again": {"zh": "重新打开", "en": "Open it again"},
    "go_back": {"zh": "返回", "en": "Go back"},
}

MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August",
             "September", "October", "November", "December")


class Words:
    """Looks up the page's words in one language, with staff overrides from the catalogue."""

    def __init__(self, lang: str, overrides: Mapping[str, Mapping[str, str]] | None = None):
        self.lang = lang
        self._overrides = overrides or {}

    def __call__(self, key: str, **values: object) -> str:
        text = self._overrides.get(f"phone.{key}") or DEFAULTS[key]
        chosen = text.get(self.lang) or text.get("zh") or ""
        return chosen.format(**values) if values else chosen
