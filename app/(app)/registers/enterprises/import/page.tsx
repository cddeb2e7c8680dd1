import { RegisterImportPage, importPageTitle } from "@/components/registers/import-page";

export const generateMetadata = () => importPageTitle("enterprises");

export default function ImportPage() {
  return <RegisterImportPage kind="enterprises" />;
}
