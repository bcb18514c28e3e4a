using System.Globalization;
using System.Net;
using System.Text;
using Contests.Api.Access;
using Contests.Domain;

namespace Contests.Api.Awards;

/// <summary>
/// Certificates as printable HTML: one A4 landscape page each, in Vietnamese, with a QR code to the public
/// verification page. The markup has no script and no inline style (the site's CSP forbids both): the look is in
/// <see cref="CertificateStyles"/>. Every piece of text is HTML-encoded.
/// </summary>
public static class CertificatePages
{
    public const string StylesheetPath = "/certificates/certificate.css";

    public static string VerificationUrl(string origin, string code) => $"{origin}/verify/?code={Uri.EscapeDataString(code)}";

    public static string Document(IEnumerable<Certificate> certificates, string origin, string title, string stylesheetHref)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
            .Append("<title>").Append(Encode(title)).Append("</title>")
            .Append("<link rel=\"stylesheet\" href=\"").Append(Encode(stylesheetHref)).Append("\"></head><body>\n");
        foreach (var certificate in certificates)
        {
            Page(html, certificate, origin);
        }

        return html.Append("</body></html>\n").ToString();
    }

    private static void Page(StringBuilder html, Certificate certificate, string origin)
    {
        var url = VerificationUrl(origin, certificate.Id);
        var qr = Convert.ToBase64String(Encoding.UTF8.GetBytes(SignInCodes.QrSvg(url)));
        var issued = VietnamTime.ToLocal(certificate.IssuedAt);
        html.Append("<article class=\"certificate\" data-code=\"").Append(Encode(certificate.Id)).Append("\"><div class=\"frame\">")
            .Append("<header class=\"heads\"><div class=\"issuer\">")
            .Append(Line("body-name", certificate.OrganisingBody.ToUpper(CultureInfo.GetCultureInfo("vi-VN"))))
            .Append(Line("committee", "Ban Tổ chức cuộc thi"))
            .Append("</div><div class=\"nation\">")
            .Append(Line("country", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
            .Append(Line("motto", "Độc lập - Tự do - Hạnh phúc"))
            .Append("</div></header>")
            .Append("<h1>GIẤY CHỨNG NHẬN</h1>")
            .Append(Line("lead", $"Ban Tổ chức {certificate.ContestName} chứng nhận"))
            .Append(Line("team", certificate.TeamName));
        if (certificate.MemberNames.Count > 0)
        {
            html.Append(Line("members", string.Join(" · ", certificate.MemberNames)));
        }

        html.Append(Line("school", $"{certificate.School} — {certificate.District}"));
        if (certificate.MentorNames.Count > 0)
        {
            html.Append(Line("mentors", "Người hướng dẫn: " + string.Join(", ", certificate.MentorNames)));
        }

        html.Append(Line("achieved", "Đã đạt"))
            .Append(Line("tier", AwardNames.Vietnamese(certificate.Tier).ToUpper(CultureInfo.GetCultureInfo("vi-VN"))))
            .Append(Line("division", $"Bảng {certificate.DivisionName} · {certificate.RoundName}"))
            .Append("<footer><div class=\"verify\"><img class=\"qr\" alt=\"QR\" src=\"data:image/svg+xml;base64,").Append(qr).Append("\">")
            .Append("<div>").Append(Line("code-label", "Mã xác thực")).Append(Line("code", certificate.Id))
            .Append(Line("verify-hint", "Quét mã QR hoặc mở " + url + " để kiểm tra giấy chứng nhận.")).Append("</div></div>")
            .Append("<div class=\"sign\">")
            .Append(Line("date", $"Ngày {issued.Day} tháng {issued.Month} năm {issued.Year}"))
            .Append(Line("signer", "TM. BAN TỔ CHỨC"))
            .Append("</div></footer></div></article>\n");
    }

    private static string Line(string className, string text) => $"<p class=\"{className}\">{Encode(text)}</p>";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}

/// <summary>The certificate's print stylesheet: A4 landscape without margins, one certificate per page.</summary>
public static class CertificateStyles
{
    public const string Css = """
        @page { size: A4 landscape; margin: 0; }
        * { box-sizing: border-box; }
        html, body { margin: 0; padding: 0; }
        body { background: #e9e4da; font-family: "Noto Serif", "Times New Roman", serif; color: #2b1d0e; }
        .certificate { width: 297mm; height: 210mm; padding: 9mm; margin: 8mm auto; background: #fffdf7; overflow: hidden;
          box-shadow: 0 2mm 8mm rgba(0, 0, 0, 0.25); break-after: page; page-break-after: always; }
        .frame { height: 100%; border: 2.2mm double #9b1c1c; outline: 0.6mm solid #c9a227; outline-offset: -4.2mm;
          padding: 10mm 18mm 8mm; display: flex; flex-direction: column; align-items: center; text-align: center; }
        .heads { width: 100%; display: flex; justify-content: space-between; font-size: 10.5pt; line-height: 1.35; }
        .heads p { margin: 0; }
        .issuer { width: 52%; text-align: center; }
        .nation { width: 44%; text-align: center; }
        .body-name { font-weight: 700; }
        .committee { font-weight: 700; text-transform: uppercase; text-decoration: underline; text-underline-offset: 1mm; }
        .country { font-weight: 700; }
        .motto { font-weight: 700; text-decoration: underline; text-underline-offset: 1mm; }
        h1 { margin: 9mm 0 2mm; font-size: 40pt; letter-spacing: 1.5mm; color: #9b1c1c; font-weight: 700; }
        .lead { margin: 1mm 0 3mm; font-size: 14pt; font-style: italic; }
        .team { margin: 1mm 0; font-size: 26pt; font-weight: 700; color: #12335b; }
        .members { margin: 0.5mm 0; font-size: 13pt; }
        .school { margin: 1mm 0; font-size: 13pt; }
        .mentors { margin: 0.5mm 0; font-size: 11pt; font-style: italic; }
        .achieved { margin: 3mm 0 0; font-size: 14pt; }
        .tier { margin: 1mm 0; font-size: 30pt; font-weight: 700; color: #9b1c1c; letter-spacing: 0.6mm; }
        .division { margin: 0; font-size: 13pt; }
        footer { margin-top: auto; width: 100%; display: flex; justify-content: space-between; align-items: flex-end; }
        .verify { display: flex; align-items: flex-end; gap: 4mm; text-align: left; max-width: 60%; }
        .verify p { margin: 0; }
        .qr { width: 30mm; height: 30mm; image-rendering: pixelated; }
        .code-label { font-size: 9pt; text-transform: uppercase; letter-spacing: 0.4mm; }
        .code { font-family: "DejaVu Sans Mono", monospace; font-size: 12pt; font-weight: 700; }
        .verify-hint { font-size: 8pt; color: #5a4a35; word-break: break-all; }
        .sign { width: 38%; text-align: center; padding-bottom: 14mm; }
        .sign p { margin: 0; }
        .date { font-style: italic; font-size: 12pt; }
        .signer { margin-top: 1mm; font-weight: 700; font-size: 12.5pt; }
        @media print {
          body { background: none; }
          .certificate { margin: 0; box-shadow: none; }
        }
        """;
}
