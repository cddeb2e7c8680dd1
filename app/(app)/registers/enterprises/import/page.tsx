import { RegisterImportPage, importPageTitle } from "@/components/registers/import-page";
import { ClientMessages } from "@/components/i18n/client-messages";

export const generateMetadata = () => importPageTitle("enterprises");

export default function ImportPage() {
  return (
    <ClientMessages namespaces={["registers"]}>
      <RegisterImportPage kind="enterprises" />
    </ClientMessages>
  );
}
